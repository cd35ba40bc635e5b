package dev.winnow.core.features;

/**
 * The hashing trick: every symbolic feature ("tag=li", a word, "prev:class=footer") becomes an
 * index in a fixed space, so there is no vocabulary to build, ship or keep in sync.
 */
final class Hashing {
    private Hashing() {
    }

    /** Seeds that keep the namespaces of features apart. */
    static final int WORD = 0x51ed27;
    static final int BIGRAM = 0x2b9a11;
    static final int PREFIX = 0x6a09e6;
    static final int STRUCT = 0x7f4a7c;
    static final int LINK = 0x3c6ef3;

    static int of(int seed, CharSequence s) {
        return mix(fold(start(seed), s));
    }

    /** {@code of(seed, prefix + rest)} without building the string: rows hash a few dozen such keys per block. */
    static int of(int seed, String prefix, String rest) {
        return mix(fold(fold(start(seed), prefix), rest));
    }

    /** {@code of(seed, prefix + n)}. */
    static int of(int seed, String prefix, int n) {
        return of(seed, prefix, n >= 0 && n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n));
    }

    private static final String[] NUMBERS = new String[128];

    static {
        for (int i = 0; i < NUMBERS.length; i++) {
            NUMBERS[i] = Integer.toString(i);
        }
    }

    /** The state {@link #of(int, CharSequence)} starts its fold from. */
    static int start(int seed) {
        return seed * 0x9e3779b9;
    }

    /** The state {@link #of(int, String, String)} reaches after its prefix. */
    static int start(int seed, String prefix) {
        return fold(start(seed), prefix);
    }

    /** One character more of a fold: a caller that reads a word's characters anyway hashes them as it goes. */
    static int step(int h, char c) {
        return (h ^ c) * 0x01000193;
    }

    private static int fold(int h, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            h = step(h, s.charAt(i));
        }
        return h;
    }

    static int combine(int a, int b) {
        return mix(a * 31 + b * 0x85ebca6b);
    }

    /** Murmur3's finaliser: spreads close inputs over the whole int range. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
