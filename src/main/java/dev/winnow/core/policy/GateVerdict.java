package dev.winnow.core.policy;

/**
 * Whether a page is gated, from its blocks' labels: a paywall notice the model is sure of that
 * stands beside the article's own text. A gate follows the last lines it lets through, or
 * interrupts them; the notices the model is as sure of elsewhere on a page are other articles'
 * "Premium" badges in teaser lists, comment-login prompts and a sidebar's subscription offer,
 * which say nothing about whether this page's text is complete (model/README.md, "paywalled only
 * beside the article").
 */
public final class GateVerdict {
    /**
     * How many blocks from the nearest editorial block a gate's line may stand. On the pages people
     * read (dev and training split), 24 of the 38 gated pages with a notice the model gave 0.9 or
     * more had it one to nine blocks from the article's text, and every page that was not gated ten
     * or more.
     */
    public static final int REACH = 5;

    private GateVerdict() {
    }

    /**
     * @param gates     per block, whether it is a paywall notice the model is sure enough of
     * @param editorial per block, whether it was labelled editorial
     */
    public static boolean gated(boolean[] gates, boolean[] editorial) {
        if (gates.length != editorial.length) {
            throw new IllegalArgumentException(gates.length + " gate flags for " + editorial.length + " blocks");
        }
        int lastEditorial = Integer.MIN_VALUE / 2;
        int pendingGate = -1;
        for (int i = 0; i < gates.length; i++) {
            if (editorial[i]) {
                if (pendingGate >= 0 && i - pendingGate <= REACH) {
                    return true;
                }
                lastEditorial = i;
                pendingGate = -1;
            }
            if (gates[i]) {
                if (i - lastEditorial <= REACH) {
                    return true;
                }
                // too far from the article before it; the next editorial block may stand near
                pendingGate = i;
            }
        }
        return false;
    }
}
