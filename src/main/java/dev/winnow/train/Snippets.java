package dev.winnow.train;

import java.util.regex.Pattern;

/** trafilatura's snippet normalisation: {@code re.sub(r"\s+", " ", s).strip()}. */
public final class Snippets {
    private Snippets() {
    }

    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    public static String normalise(String s) {
        return SPACE.matcher(s).replaceAll(" ").strip();
    }
}
