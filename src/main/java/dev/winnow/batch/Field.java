package dev.winnow.batch;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * One member of an output record, its value already written as JSON.
 *
 * @param name the member name
 * @param json the value exactly as it goes out: copied byte for byte from the input record, or
 *             written here from a string or a number
 */
public record Field(String name, String json) {

    public static Field string(String name, String value) {
        if (value == null) {
            return new Field(name, "null");
        }
        return new Field(name, '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"');
    }

    public static Field number(String name, long value) {
        return new Field(name, Long.toString(value));
    }
}
