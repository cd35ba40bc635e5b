package dev.winnow.batch;

import dev.winnow.core.Label;
import java.util.Map;

/**
 * What one input record became: one line of JSON, ready to write.
 *
 * @param json   the output record, UTF-8, ending in a newline
 * @param counts blocks per label of a cleaned record; null for an error record
 * @param error  why the record could not be cleaned; null for a cleaned record
 */
public record Outcome(byte[] json, Map<Label, Integer> counts, String error) {

    public boolean failed() {
        return error != null;
    }
}
