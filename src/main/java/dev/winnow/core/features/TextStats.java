package dev.winnow.core.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shallow text measures of one block (Kohlschütter et al. 2010) and its lower-cased words,
 * computed once per block and shared by the block's own row and its neighbours' rows.
 */
record TextStats(
        String[] words,
        int wordCount,
        int chars,
        double avgWordLength,
        double avgSentenceLength,
        double capitalisedShare,
        double upperShare,
        double digitShare,
        double punctuationShare,
        double textDensity,
        boolean endsWithTerminal,
        boolean endsWithColon,
        boolean startsWithBullet,
        boolean hasCopyright,
        boolean hasAddress,
        boolean hasPipe) {

    /** Kohlschütter's text density wraps text at 80 columns and counts words per line. */
    private static final int WRAP = 80;
    private static final int MAX_WORDS = 120;

    static TextStats of(String text) {
        List<String> words = new ArrayList<>();
        int letters = 0;
        int upper = 0;
        int digits = 0;
        int punctuation = 0;
        int capitalised = 0;
        int wordChars = 0;
        int sentences = 0;
        int wordCount = 0;
        // a word is a run of letters and digits, so it is a substring: no per-character copying
        int wordStart = -1;
        boolean capitalStart = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (wordStart < 0) {
                    wordStart = i;
                    capitalStart = Character.isUpperCase(c);
                }
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                } else {
                    digits++;
                }
                continue;
            }
            if (wordStart >= 0) {
                wordCount++;
                wordChars += i - wordStart;
                if (capitalStart) {
                    capitalised++;
                }
                if (words.size() < MAX_WORDS) {
                    words.add(normalise(text, wordStart, i));
                }
                wordStart = -1;
            }
            if (i < text.length() && !Character.isWhitespace(c)) {
                punctuation++;
                if (c == '.' || c == '!' || c == '?' || c == '。') {
                    sentences++;
                }
            }
        }
        int chars = text.length();
        int lines = Math.max(1, (chars + WRAP - 1) / WRAP);
        char last = chars == 0 ? ' ' : text.charAt(chars - 1);
        char first = chars == 0 ? ' ' : text.charAt(0);
        String lower = text.toLowerCase(Locale.ROOT);
        return new TextStats(
                words.toArray(String[]::new),
                wordCount,
                chars,
                wordCount == 0 ? 0 : (double) wordChars / wordCount,
                (double) wordCount / Math.max(1, sentences),
                wordCount == 0 ? 0 : (double) capitalised / wordCount,
                letters == 0 ? 0 : (double) upper / letters,
                chars == 0 ? 0 : (double) digits / chars,
                chars == 0 ? 0 : (double) punctuation / chars,
                (double) wordCount / lines,
                last == '.' || last == '!' || last == '?' || last == '"' || last == '”' || last == '。' || last == '»' || last == ')',
                last == ':',
                first == '•' || first == '-' || first == '*' || first == '·' || first == '|' || first == '>' || first == '–',
                text.indexOf('©') >= 0 || lower.contains("copyright") || lower.contains("(c)"),
                lower.contains("http") || lower.contains("www.") || text.indexOf('@') >= 0,
                text.indexOf('|') >= 0);
    }

    private static String normalise(String text, int from, int to) {
        boolean allDigits = true;
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                allDigits = false;
                break;
            }
        }
        return allDigits ? (to - from == 4 ? "<year>" : "<num>") : text.substring(from, to).toLowerCase(Locale.ROOT);
    }
}
