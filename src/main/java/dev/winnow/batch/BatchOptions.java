package dev.winnow.batch;

import dev.winnow.core.CleanOptions;

/**
 * How records are read and cleaned, the same for every record of a run.
 *
 * @param clean          what to drop, the output format, and whether to list the blocks
 * @param htmlField      the JSON field holding an HTML document; empty to read no HTML field
 * @param textField      the JSON field holding a plain-text document; empty to read no text field
 * @param maxRecordBytes a JSON line, WARC payload or file larger than this is an error record,
 *                       and is never held in memory whole
 */
public record BatchOptions(CleanOptions clean, String htmlField, String textField, long maxRecordBytes) {

    /** Ten mebibytes, the same as the default body limit of {@code POST /v1/clean}. */
    public static final long DEFAULT_MAX_RECORD_BYTES = 10L * 1024 * 1024;

    public static final String DEFAULT_HTML_FIELD = "html";
    public static final String DEFAULT_TEXT_FIELD = "text";

    public static final BatchOptions DEFAULT = new BatchOptions(CleanOptions.DEFAULT, DEFAULT_HTML_FIELD, DEFAULT_TEXT_FIELD,
            DEFAULT_MAX_RECORD_BYTES);

    public BatchOptions {
        if (clean == null) {
            throw new IllegalArgumentException("clean options are required");
        }
        htmlField = htmlField == null ? "" : htmlField;
        textField = textField == null ? "" : textField;
        if (htmlField.isEmpty() && textField.isEmpty()) {
            throw new IllegalArgumentException("at least one of the html and text fields must be named");
        }
        if (htmlField.equals(textField)) {
            throw new IllegalArgumentException("the html and text fields must differ, both are '" + htmlField + "'");
        }
        if (maxRecordBytes <= 0 || maxRecordBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the record size limit must be between 1 and " + (Integer.MAX_VALUE - 16)
                    + " bytes, not " + maxRecordBytes);
        }
    }

    public BatchOptions withClean(CleanOptions value) {
        return new BatchOptions(value, htmlField, textField, maxRecordBytes);
    }

    public BatchOptions withFields(String html, String text) {
        return new BatchOptions(clean, html, text, maxRecordBytes);
    }

    public BatchOptions withMaxRecordBytes(long value) {
        return new BatchOptions(clean, htmlField, textField, value);
    }
}
