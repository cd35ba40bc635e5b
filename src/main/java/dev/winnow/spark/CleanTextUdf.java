package dev.winnow.spark;

import dev.winnow.core.Input;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;

/**
 * {@code winnow_clean_text(text)}: as {@link CleanHtmlUdf}, for plain text with one block per
 * line (a WET conversion, a crawl dump).
 */
public class CleanTextUdf implements UDF1<String, Row> {

    private static final long serialVersionUID = 1L;

    @Override
    public Row call(String text) {
        return UdfResult.of(text == null ? null : Input.text(text));
    }
}
