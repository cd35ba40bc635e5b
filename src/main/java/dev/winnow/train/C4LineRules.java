package dev.winnow.train;

import java.util.List;
import java.util.Locale;

/**
 * The line filter of C4 (Raffel et al. 2020), the baseline for text mode: keep a line only if it
 * ends in terminal punctuation, has at least three words, and mentions neither "javascript" nor
 * one of the policy phrases.
 */
public final class C4LineRules {
    private C4LineRules() {
    }

    private static final List<String> POLICY = List.of("terms of use", "privacy policy", "cookie policy", "uses cookies",
            "use of cookies", "use cookies");

    public static String clean(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (keeps(line.strip())) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static boolean keeps(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last != '.' && last != '!' && last != '?' && last != '"') {
            return false;
        }
        if (line.split("\\s+").length < 3) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.contains("javascript")) {
            return false;
        }
        for (String phrase : POLICY) {
            if (lower.contains(phrase)) {
                return false;
            }
        }
        return true;
    }
}
