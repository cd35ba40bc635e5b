package dev.winnow.core.segment;

/** White-space folding shared by both segmenters, so HTML and text blocks compare equal. */
public final class Whitespace {
    private Whitespace() {
    }

    /**
     * Folds every run of white space (including non-breaking and zero-width) to one space and trims.
     * Control characters (NUL and the rest of C0, DEL) are dropped: no page shows them, and a
     * block of nothing else is no block.
     */
    public static String collapse(CharSequence s) {
        if (isCollapsed(s)) {
            // most blocks are one jsoup text run, already folded: no need to copy them char by char
            return s.toString();
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else if (c < 0x20 || c == 0x7f) {
                // control characters that are not white space: invisible, dropped
            } else if (c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\ufeff' || c == '\u00ad') {
                // zero-width characters and soft hyphens are invisible: drop them
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@link #collapse} would return {@code s} unchanged. */
    private static boolean isCollapsed(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        boolean previousSpace = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && (isSpace(c) || c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\ufeff' || c == '\u00ad'))) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return !previousSpace;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f';
    }
}
