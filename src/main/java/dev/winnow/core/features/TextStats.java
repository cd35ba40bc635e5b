package dev.winnow.core.features;

import java.util.Arrays;
import java.util.Locale;

/**
 * The shallow text measures of one block (Kohlschütter et al. 2010) and its first
 * {@value #MAX_WORDS} lower-cased words as hashed keys, computed once per block and shared by the
 * block's own row and its neighbours' rows.
 *
 * @param wordKeys each word's key ({@code Hashing.of(WORD, word)}), a word lower-cased, or
 *     {@code <year>} or {@code <num>} when it is all digits
 * @param bigramKeys each word's key as the first of a bigram ({@code Hashing.of(BIGRAM, word)})
 * @param prefixKeys the key of the first {@value #PREFIX} characters ({@code Hashing.of(PREFIX, …)}) of
 *     each of those words longer than that: a truncation stem, so that "donations", "Abonnement" and
 *     "spenden" share a key with forms of them no training page used
 * @param firstKey the first of those words as the structure key {@code "first=" + word}
 *     ({@code Hashing.of(STRUCT, "first=", word)}); 0 when there is no word
 * @param lastKey the last of those words as {@code "last=" + word}, likewise
 */
record TextStats(
        int[] wordKeys,
        int[] bigramKeys,
        int[] prefixKeys,
        int firstKey,
        int lastKey,
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
    /** How many characters a stem keeps: enough to tell "subscribe" from "subway", few enough to join "donate" and "donation". */
    static final int PREFIX = 5;

    private static final int WORD_START = Hashing.start(Hashing.WORD);
    /** The structure keys of a block's first and last words: "first=" or "last=" and the word. */
    private static final String FIRST = "first=";
    private static final String LAST = "last=";
    private static final int FIRST_START = Hashing.start(Hashing.STRUCT, FIRST);
    private static final int LAST_START = Hashing.start(Hashing.STRUCT, LAST);
    private static final int BIGRAM_START = Hashing.start(Hashing.BIGRAM);
    private static final int PREFIX_START = Hashing.start(Hashing.PREFIX);

    private static final int LETTER = 1;
    /** A letter-or-digit that is not a letter, as {@code Character} tells them. */
    private static final int DIGIT = 2;
    private static final int UPPER = 4;
    private static final int SPACE = 8;
    /** {@link #kindOf} of the ASCII characters, looked up: most of most pages' text. */
    private static final byte[] ASCII_KINDS = new byte[128];

    static {
        for (char c = 0; c < ASCII_KINDS.length; c++) {
            ASCII_KINDS[c] = (byte) kindOf(c);
        }
    }

    private static int kindOf(char c) {
        int kind = Character.isLetter(c) ? LETTER : Character.isLetterOrDigit(c) ? DIGIT : 0;
        return kind | (Character.isUpperCase(c) ? UPPER : 0) | (Character.isWhitespace(c) ? SPACE : 0);
    }

    static TextStats of(String text) {
        int[] wordKeys = new int[Math.min(MAX_WORDS, text.length() / 2 + 1)];
        int[] bigramKeys = new int[wordKeys.length];
        int[] prefixKeys = new int[wordKeys.length];
        int kept = 0;
        int prefixes = 0;
        int firstFrom = -1;
        int firstTo = -1;
        int lastFrom = -1;
        int lastTo = -1;
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
            int kind = c < ASCII_KINDS.length ? ASCII_KINDS[c] : kindOf(c);
            if ((kind & (LETTER | DIGIT)) != 0) {
                if (wordStart < 0) {
                    wordStart = i;
                    capitalStart = (kind & UPPER) != 0;
                }
                if ((kind & LETTER) != 0) {
                    letters++;
                    if ((kind & UPPER) != 0) {
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
                if (kept < MAX_WORDS) {
                    if (key(text, wordStart, i, wordKeys, bigramKeys, prefixKeys, prefixes, kept++)) {
                        prefixes++;
                    }
                    if (firstFrom < 0) {
                        firstFrom = wordStart;
                        firstTo = i;
                    }
                    lastFrom = wordStart;
                    lastTo = i;
                }
                wordStart = -1;
            }
            if (i < text.length() && (kind & SPACE) == 0) {
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
        return new TextStats(
                Arrays.copyOf(wordKeys, kept),
                Arrays.copyOf(bigramKeys, kept),
                Arrays.copyOf(prefixKeys, prefixes),
                firstFrom < 0 ? 0 : structKey(FIRST_START, FIRST, text, firstFrom, firstTo),
                lastFrom < 0 ? 0 : structKey(LAST_START, LAST, text, lastFrom, lastTo),
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
                text.indexOf('©') >= 0 || containsLower(text, "copyright") || containsLower(text, "(c)"),
                containsLower(text, "http") || containsLower(text, "www.") || text.indexOf('@') >= 0,
                text.indexOf('|') >= 0);
    }

    /** Whether {@code text.toLowerCase(Locale.ROOT)} contains {@code lower}, without lower-casing the block. */
    static boolean containsLower(String text, String lower) {
        // besides A-Z only U+0130 (to "i" and U+0307) and U+212A (to "k") lower-case to ASCII: the
        // patterns hold no "k" and no U+0307, so folding A-Z finds what lower-casing the block would
        char head = lower.charAt(0);
        char upperHead = head >= 'a' && head <= 'z' ? (char) (head - ('a' - 'A')) : head;
        return startsAt(text, lower, head) || (upperHead != head && startsAt(text, lower, upperHead));
    }

    /** Whether {@code lower} stands, A–Z folded, where {@code text} holds {@code head}: indexOf skips the rest fast. */
    private static boolean startsAt(String text, String lower, char head) {
        int last = text.length() - lower.length();
        for (int at = text.indexOf(head); at >= 0 && at <= last; at = text.indexOf(head, at + 1)) {
            int k = 1;
            while (k < lower.length() && lowerAscii(text.charAt(at + k)) == lower.charAt(k)) {
                k++;
            }
            if (k == lower.length()) {
                return true;
            }
        }
        return false;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * Word {@code at}'s keys: the ones {@link #normalise}'s string would hash to, and its stem's
     * ({@link #PREFIX}) at {@code prefixAt} when it is longer than that. Most words, a French or
     * German page's too, are hashed from their characters ({@link #hashedFromText}), without a
     * lower-cased string of each.
     *
     * @return whether the word gave a stem
     */
    private static boolean key(String text, int from, int to, int[] wordKeys, int[] bigramKeys, int[] prefixKeys, int prefixAt, int at) {
        if (hashedFromText(text, from, to)) {
            int wordKey = WORD_START;
            int bigramKey = BIGRAM_START;
            int prefixKey = PREFIX_START;
            for (int i = from; i < to; i++) {
                char lower = lowerLatin1(text.charAt(i));
                wordKey = Hashing.step(wordKey, lower);
                bigramKey = Hashing.step(bigramKey, lower);
                if (i - from < PREFIX) {
                    prefixKey = Hashing.step(prefixKey, lower);
                }
            }
            wordKeys[at] = Hashing.mix(wordKey);
            bigramKeys[at] = Hashing.mix(bigramKey);
            if (to - from > PREFIX) {
                prefixKeys[prefixAt] = Hashing.mix(prefixKey);
                return true;
            }
            return false;
        }
        String word = normalise(text, from, to);
        wordKeys[at] = Hashing.of(Hashing.WORD, word);
        bigramKeys[at] = Hashing.of(Hashing.BIGRAM, word);
        // "<num>" and "<year>" stand for digits, which have no stem; a word's own characters are letters and digits
        if (word.charAt(0) == '<' || word.codePointCount(0, word.length()) <= PREFIX) {
            return false;
        }
        prefixKeys[prefixAt] = Hashing.of(Hashing.PREFIX, word.substring(0, word.offsetByCodePoints(0, PREFIX)));
        return true;
    }

    /**
     * {@code Hashing.of(STRUCT, prefix, normalise(text, from, to))}, without the word's string when
     * it is made of Latin-1 characters, as {@link #key} hashes it: every block has a first and a
     * last word, and their strings showed in profiles.
     */
    private static int structKey(int start, String prefix, String text, int from, int to) {
        if (!hashedFromText(text, from, to)) {
            return Hashing.of(Hashing.STRUCT, prefix, normalise(text, from, to));
        }
        int h = start;
        for (int i = from; i < to; i++) {
            h = Hashing.step(h, lowerLatin1(text.charAt(i)));
        }
        return Hashing.mix(h);
    }

    /**
     * Whether a word's keys can be hashed from its characters, each lower-cased alone: it is made of
     * Latin-1 characters (below U+0100, {@code String.toLowerCase(Locale.ROOT)} is
     * {@code Character.toLowerCase} of each character, one for one) and is not all digits (those are
     * {@code <num>} or {@code <year>}).
     */
    private static boolean hashedFromText(String text, int from, int to) {
        boolean allDigits = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x100) {
                return false;
            }
            allDigits &= c >= '0' && c <= '9';
        }
        return !allDigits;
    }

    private static char lowerLatin1(char c) {
        return c < 0x80 ? lowerAscii(c) : Character.toLowerCase(c);
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
