package dev.winnow.core;

import dev.winnow.core.policy.DropPolicy;
import dev.winnow.core.render.Format;

/**
 * What to remove and how to write the result.
 *
 * @param policy the labels to drop
 * @param format the output format
 * @param blocks whether the result lists every block with its label and score
 */
public record CleanOptions(DropPolicy policy, Format format, boolean blocks) {

    public static final CleanOptions DEFAULT = new CleanOptions(DropPolicy.DEFAULT, Format.TEXT, false);

    public CleanOptions withFormat(Format f) {
        return new CleanOptions(policy, f, blocks);
    }

    public CleanOptions withBlocks(boolean b) {
        return new CleanOptions(policy, format, b);
    }

    public CleanOptions withPolicy(DropPolicy p) {
        return new CleanOptions(p, format, blocks);
    }
}
