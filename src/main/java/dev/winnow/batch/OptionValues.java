package dev.winnow.batch;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.policy.DropPolicy;
import dev.winnow.core.render.Format;
import java.util.List;
import java.util.Locale;

/**
 * Option values as the batch command and the Spark job read them from the same flags, so the
 * two take and refuse exactly the same values, with the same messages.
 */
public final class OptionValues {
    private OptionValues() {
    }

    /**
     * The record rules' options.
     *
     * @param drop         comma-separated labels, {@code ""} for none, null for the default
     * @param fieldOptions the flags that name the fields, for the message when they are wrong
     */
    public static BatchOptions batchOptions(String drop, String format, boolean blocks, String htmlField, String textField,
            long maxRecordBytes, String fieldOptions) throws UsageException {
        DropPolicy policy;
        try {
            policy = drop == null ? DropPolicy.DEFAULT : DropPolicy.of(List.of(drop.split(",", -1)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--drop: " + e.getMessage());
        }
        Format f;
        try {
            f = Format.fromId(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        try {
            return new BatchOptions(new CleanOptions(policy, f, blocks), htmlField, textField, maxRecordBytes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(fieldOptions + ": " + e.getMessage());
        }
    }

    public static boolean bool(String name, String value) throws UsageException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UsageException(name + ": expected true or false, not '" + value + "'");
        };
    }

    /** A whole number from 1 to {@code max}; {@code _} may group digits. */
    public static long positive(String name, String value, long max) throws UsageException {
        long n;
        try {
            n = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": expected a whole number, not '" + value + "'");
        }
        if (n < 1 || n > max) {
            throw new UsageException(name + ": expected a number from 1 to " + max + ", not " + n);
        }
        return n;
    }
}
