package dev.winnow.core.segment;

import java.util.Collection;
import java.util.Locale;

/**
 * Splits class and id values into the words a person reads in them: {@code "c-newsletterSignup_box2"}
 * gives {@code newsletter}, {@code signup}, {@code box}. Digits and one-letter words carry nothing.
 */
final class ClassWords {
    /** Reading stops once a set holds this many words. */
    static final int MAX_WORDS = 64;

    private ClassWords() {
    }

    static void addFrom(String attribute, Collection<String> into) {
        if (attribute == null || attribute.isEmpty()) {
            return;
        }
        if (isAscii(attribute)) {
            addFromAscii(attribute, into);
            return;
        }
        addFromAny(attribute, into);
    }

    /** The words of any value, Unicode letters and case: what {@link #addFromAscii} must match on ASCII. */
    static void addFromAny(String attribute, Collection<String> into) {
        StringBuilder word = new StringBuilder();
        char previous = ' ';
        for (int i = 0; i < attribute.length() && into.size() < MAX_WORDS; i++) {
            char c = attribute.charAt(i);
            boolean letter = Character.isLetter(c);
            boolean camelBreak = letter && Character.isUpperCase(c) && Character.isLowerCase(previous);
            if (!letter || camelBreak) {
                add(word, into);
            }
            if (letter) {
                word.append(Character.toLowerCase(c));
            }
            previous = c;
        }
        add(word, into);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The same words for an ASCII value, where a letter is A–Z or a–z: cut from it, not built char by char. */
    static void addFromAscii(String attribute, Collection<String> into) {
        int start = -1;
        boolean previousLower = false;
        int i = 0;
        for (; i < attribute.length() && into.size() < MAX_WORDS; i++) {
            char c = attribute.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            boolean lower = c >= 'a' && c <= 'z';
            if (!(upper || lower) || (upper && previousLower)) {
                add(attribute, start, i, into);
                start = -1;
            }
            if ((upper || lower) && start < 0) {
                start = i;
            }
            previousLower = lower;
        }
        add(attribute, start, i, into);
    }

    private static void add(String attribute, int from, int to, Collection<String> into) {
        int length = from < 0 ? 0 : to - from;
        if (length > 1 && length <= 24) {
            String w = attribute.substring(from, to).toLowerCase(Locale.ROOT);
            if (!into.contains(w)) {
                into.add(w);
            }
        }
    }

    private static void add(StringBuilder word, Collection<String> into) {
        if (word.length() > 1 && word.length() <= 24) {
            String w = word.toString().toLowerCase(Locale.ROOT);
            if (!into.contains(w)) {
                into.add(w);
            }
        }
        word.setLength(0);
    }
}
