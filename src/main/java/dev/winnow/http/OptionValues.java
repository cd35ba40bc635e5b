package dev.winnow.http;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.policy.DropPolicy;
import dev.winnow.core.render.Format;
import dev.winnow.http.problem.ProblemException;
import java.util.List;
import java.util.Locale;

/**
 * The options of a clean request as sent, before they are checked: from the query string or
 * from JSON fields. A null means "not given"; JSON fields override query parameters.
 *
 * @param drop   labels to remove; an empty list drops nothing
 * @param format {@code text}, {@code html} or {@code markdown}
 * @param blocks {@code true} or {@code false}
 */
record OptionValues(List<String> drop, String format, String blocks) {

    /** @param drop comma-separated labels, as in {@code ?drop=promo,donation} */
    static OptionValues query(String drop, String format, String blocks) {
        return new OptionValues(drop == null ? null : commaSeparated(drop), format, blocks);
    }

    static List<String> commaSeparated(String labels) {
        return List.of(labels.split(",", -1));
    }

    OptionValues withDrop(List<String> value) {
        return new OptionValues(value, format, blocks);
    }

    OptionValues withFormat(String value) {
        return new OptionValues(drop, value, blocks);
    }

    OptionValues withBlocks(String value) {
        return new OptionValues(drop, format, value);
    }

    /** @throws ProblemException 400 naming the option and the value it did not understand */
    CleanOptions toCleanOptions() {
        return new CleanOptions(policy(), format(format), blocks(blocks));
    }

    private DropPolicy policy() {
        try {
            return drop == null ? DropPolicy.DEFAULT : DropPolicy.of(drop);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidOption("drop: " + e.getMessage());
        }
    }

    private static Format format(String value) {
        if (value == null) {
            return Format.TEXT;
        }
        try {
            return Format.fromId(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidOption("format: " + e.getMessage());
        }
    }

    private static boolean blocks(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidOption("blocks: expected true or false, not '" + value + "'");
        };
    }
}
