package dev.winnow.core.model;

import dev.winnow.core.segment.Block;
import java.io.Serializable;
import java.util.List;

/**
 * From which editorial probability a page's blocks are kept. One threshold serves most pages, but
 * where the model is unsure of a whole page (a product page, a listing, a layout unlike those it
 * learnt from) the blocks above it may hold a sliver of what is plausibly the content, and the
 * page comes back nearly empty. Such a page is read with a lower threshold throughout, as
 * extractors fall back to a looser pass when the strict one finds too little. All three numbers
 * are chosen on the dev split by {@code calibrate}; the decision is made once per page, never per
 * block, so it cannot carry a label along a run of blocks.
 *
 * @param at            the editorial probability from which a block is kept
 * @param fallbackAt    the lower threshold a page falls back to
 * @param fallbackShare a page falls back when the words of its blocks at or above {@code at} are
 *                      fewer than this share of the words at or above {@code fallbackAt} (0: never)
 */
public record EditorialDecision(double at, double fallbackAt, double fallbackShare) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int EDITORIAL = dev.winnow.core.Label.EDITORIAL.ordinal();

    /** Kept when more likely than not, on every page: the decision of models calibrated before this one existed. */
    public static final EditorialDecision MORE_LIKELY_THAN_NOT = new EditorialDecision(0.5, 0.5, 0);

    public EditorialDecision {
        if (!(at > 0 && at < 1) || !(fallbackAt > 0 && fallbackAt <= at) || !(fallbackShare >= 0 && fallbackShare <= 1)) {
            throw new IllegalArgumentException("an editorial decision needs 0 < fallbackAt <= at < 1 and a share in [0, 1], not "
                    + at + ", " + fallbackAt + ", " + fallbackShare);
        }
    }

    /** The threshold for this page, given every block's probabilities [block][label ordinal]. */
    public double threshold(double[][] probabilities, List<Block> blocks) {
        if (fallbackShare == 0) {
            return at;
        }
        long strict = 0;
        long loose = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i][EDITORIAL];
            if (p >= fallbackAt) {
                int words = words(blocks.get(i).text());
                loose += words;
                strict += p >= at ? words : 0;
            }
        }
        return strict < fallbackShare * loose ? fallbackAt : at;
    }

    /** Runs of letters and digits, as the word measure the thresholds were chosen by counts them. */
    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(c) || c == '_';
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
            i += Character.charCount(c);
        }
        return words;
    }

    public String describe() {
        return fallbackShare == 0
                ? String.format(java.util.Locale.ROOT, "editorial from p %.2f", at)
                : String.format(java.util.Locale.ROOT, "editorial from p %.2f, or %.2f on a page where that keeps under %.0f %% of its words",
                        at, fallbackAt, fallbackShare * 100);
    }
}
