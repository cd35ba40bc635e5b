package dev.winnow.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.winnow.core.CleanResult;
import dev.winnow.core.Input;
import dev.winnow.core.Label;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.LimitExceededException;
import dev.winnow.core.Winnow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The record rules, in one place for the {@code batch} command and {@code POST /v1/clean/batch}:
 * one input record in, exactly one output record out, never an exception.
 *
 * <p>A JSON record holds its document in the HTML field or the text field (exactly one of them,
 * a string). The output record has every other field of the input, in order and byte for byte,
 * then {@code clean} (the kept blocks in the chosen format), {@code paywalled} (whether a paywall
 * notice stands beside the article: the text may be incomplete), {@code labels} (blocks per label)
 * and, when asked for, {@code blocks} (text, label, score, kept: the HTTP API's shape). An input
 * field of those names is replaced.
 *
 * <p>A record that cannot be read or cleaned becomes
 * {@code {"error": "...", <locator>, <the input's other fields>}}, where the locator says where it
 * was ({@code "line": n} for JSON Lines). A line that is not JSON passes nothing through.
 *
 * <p>Thread-safe: one per run, shared by every worker.
 */
public final class RecordCleaner {

    public static final String CLEAN = "clean";
    public static final String LABELS = "labels";
    public static final String PAYWALLED = "paywalled";
    public static final String BLOCKS = "blocks";
    public static final String ERROR = "error";
    public static final String LINE = "line";

    private final Winnow winnow;
    private final BatchOptions options;
    private final JsonFactory json;
    private final Set<String> replacedOnSuccess;

    public RecordCleaner(Winnow winnow, BatchOptions options) {
        this.winnow = winnow;
        this.options = options;
        int maxString = (int) Math.max(options.maxRecordBytes(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN);
        this.json = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString).build())
                .build();
        // U+2028 and U+2029 are valid in JSON but end a line for some JSON Lines readers.
        this.json.setCharacterEscapes(new LineSeparatorEscapes());
        this.replacedOnSuccess = options.clean().blocks() ? Set.of(CLEAN, PAYWALLED, LABELS, BLOCKS) : Set.of(CLEAN, PAYWALLED, LABELS);
    }

    public BatchOptions options() {
        return options;
    }

    /**
     * One line of JSON Lines or NDJSON.
     *
     * @param line  the line's bytes, UTF-8, without its line break
     * @param lineNumber its number in the input, from 1
     */
    public Outcome jsonLine(byte[] line, long lineNumber) {
        return jsonLine(line, List.of(Field.number(LINE, lineNumber)));
    }

    /**
     * One line of JSON Lines, with a locator of the caller's: a Spark task adds the file name to
     * the line number.
     */
    public Outcome jsonLine(byte[] line, List<Field> locator) {
        Parsed parsed;
        try {
            parsed = parse(line);
        } catch (JsonProcessingException e) {
            return error("not valid JSON: " + e.getOriginalMessage() + column(e.getLocation()), locator, List.of());
        } catch (IOException | RuntimeException e) {
            return error("not valid JSON: " + e.getMessage(), locator, List.of());
        }
        if (parsed.problem != null) {
            return error(parsed.problem, locator, parsed.fields);
        }
        return write(cleaned(parsed.input), locator, parsed.fields);
    }

    /** A line longer than {@link BatchOptions#maxRecordBytes()}, which was skipped unread. */
    public Outcome oversizedLine(long lineNumber, long bytes) {
        return oversizedLine(List.of(Field.number(LINE, lineNumber)), bytes);
    }

    /** A line longer than {@link BatchOptions#maxRecordBytes()}, at {@code locator}. */
    public Outcome oversizedLine(List<Field> locator, long bytes) {
        return error(overLimit("the line", bytes), locator, List.of());
    }

    /** What a record larger than the limit is told. */
    public String overLimit(String what, long bytes) {
        String size = bytes < 0 ? "more than " + options.maxRecordBytes() + " bytes" : bytes + " bytes";
        return "over limits: " + what + " has " + size + ", more than the limit of " + options.maxRecordBytes() + " bytes per record";
    }

    /**
     * A document that is not JSON: a WARC record, a file.
     *
     * @param document reads the document; a {@link RecordException} makes an error record
     * @param locator  where the record is, written after {@code error} in an error record
     * @param fields   the record's identity, passed through in both kinds of record
     */
    public Outcome document(Supplier<Input> document, List<Field> locator, List<Field> fields) {
        return write(cleaned(document), locator, fields);
    }

    /**
     * What cleaning one document gave: its result, or why there is none.
     *
     * @param result the cleaned document; null when {@code error} says why there is none
     * @param error  why the document could not be read or cleaned; null for a cleaned one
     */
    public record Cleaned(CleanResult result, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /**
     * One document read and cleaned, for a caller that writes records of its own kind (a Spark
     * row); the same rules and messages as {@link #document}, which writes this as JSON.
     *
     * @param document reads the document; a {@link RecordException} says why it cannot be
     */
    public Cleaned cleaned(Supplier<Input> document) {
        Input input;
        try {
            input = document.get();
        } catch (RecordException e) {
            return new Cleaned(null, e.getMessage());
        } catch (RuntimeException e) {
            return new Cleaned(null, "the record could not be read: " + describe(e));
        }
        return cleaned(input);
    }

    private Cleaned cleaned(Input input) {
        try {
            return new Cleaned(winnow.clean(input, options.clean()), null);
        } catch (LimitExceededException e) {
            return new Cleaned(null, "over limits: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new Cleaned(null, "the document could not be cleaned: " + describe(e));
        }
    }

    /**
     * Why a record with these document fields cannot be cleaned (it has both, or neither), or
     * null when it has exactly one.
     */
    public String documentProblem(boolean hasHtml, boolean hasText) {
        if (hasHtml && hasText) {
            return "the record has both \"" + options.htmlField() + "\" and \"" + options.textField() + "\"; give one";
        }
        if (!hasHtml && !hasText) {
            return "the record has no " + documentFields() + " field";
        }
        return null;
    }

    /** An error record: {@code error}, then the locator, then the record's own fields. */
    public Outcome error(String message, List<Field> locator, List<Field> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField(ERROR, message);
            for (Field f : locator) {
                g.writeFieldName(f.name());
                g.writeRawValue(f.json());
            }
            for (Field f : fields) {
                if (!f.name().equals(ERROR) && !named(locator, f.name())) {
                    g.writeFieldName(f.name());
                    g.writeRawValue(f.json());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return new Outcome(out.toByteArray(), null, message);
    }

    private Outcome write(Cleaned cleaned, List<Field> locator, List<Field> fields) {
        if (cleaned.failed()) {
            return error(cleaned.error(), locator, fields);
        }
        CleanResult result = cleaned.result();
        ByteArrayOutputStream out = new ByteArrayOutputStream(result.output().length() + 256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            for (Field f : fields) {
                if (!replacedOnSuccess.contains(f.name())) {
                    g.writeFieldName(f.name());
                    g.writeRawValue(f.json());
                }
            }
            g.writeStringField(CLEAN, result.output());
            g.writeBooleanField(PAYWALLED, result.paywalled());
            g.writeObjectFieldStart(LABELS);
            for (Label label : Label.values()) {
                g.writeNumberField(label.id(), result.counts().getOrDefault(label, 0));
            }
            g.writeEndObject();
            if (options.clean().blocks()) {
                g.writeArrayFieldStart(BLOCKS);
                for (LabelledBlock b : result.blocks()) {
                    g.writeStartObject();
                    g.writeStringField("text", b.block().raw());
                    g.writeStringField("label", b.label().id());
                    g.writeNumberField("score", b.score());
                    g.writeBooleanField("kept", b.kept());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return new Outcome(out.toByteArray(), result.counts(), null);
    }

    /** A JSON record taken apart: its document, its other fields as raw JSON, or what is wrong with it. */
    private record Parsed(Input input, List<Field> fields, String problem) {
    }

    private Parsed parse(byte[] line) throws IOException {
        try (JsonParser p = json.createParser(line)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return new Parsed(null, List.of(), "the line is " + kind(first) + ", not a JSON object");
            }
            List<Field> fields = new ArrayList<>();
            String html = null;
            String text = null;
            String problem = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                boolean isHtml = !name.isEmpty() && name.equals(options.htmlField());
                boolean isText = !name.isEmpty() && name.equals(options.textField());
                if (isHtml || isText) {
                    if (value == JsonToken.VALUE_STRING) {
                        if (isHtml) {
                            html = p.getText();
                        } else {
                            text = p.getText();
                        }
                    } else {
                        if (problem == null) {
                            problem = "\"" + name + "\" must be a string, not " + kind(value);
                        }
                        p.skipChildren();
                    }
                    continue;
                }
                long start = p.currentTokenLocation().getByteOffset();
                if (value == JsonToken.VALUE_STRING) {
                    p.finishToken();
                } else {
                    p.skipChildren();
                }
                long end = p.currentLocation().getByteOffset();
                fields.add(new Field(name, new String(line, (int) start, (int) (end - start), StandardCharsets.UTF_8)));
            }
            if (t != JsonToken.END_OBJECT) {
                return new Parsed(null, List.of(), "not valid JSON: the object is not closed");
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                return new Parsed(null, List.of(), "not valid JSON: the line holds more than one JSON value");
            }
            if (problem == null) {
                problem = documentProblem(html != null, text != null);
            }
            if (problem != null) {
                return new Parsed(null, fields, problem);
            }
            return new Parsed(html != null ? Input.html(html) : Input.text(text), fields, null);
        }
    }

    private String documentFields() {
        if (options.htmlField().isEmpty()) {
            return "\"" + options.textField() + "\"";
        }
        if (options.textField().isEmpty()) {
            return "\"" + options.htmlField() + "\"";
        }
        return "\"" + options.htmlField() + "\" or \"" + options.textField() + "\"";
    }

    private static boolean named(List<Field> fields, String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonToken token) {
        if (token == null) {
            return "empty";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "a string";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String column(JsonLocation location) {
        if (location == null || location.getColumnNr() < 0) {
            return "";
        }
        return " (column " + location.getColumnNr() + ")";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    /** Escapes U+2028 and U+2029 as well as what JSON requires. */
    private static final class LineSeparatorEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return new com.fasterxml.jackson.core.io.SerializedString("\\u2028");
            }
            if (ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString("\\u2029");
            }
            return null;
        }
    }
}
