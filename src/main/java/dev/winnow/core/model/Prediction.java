package dev.winnow.core.model;

import dev.winnow.core.Label;

/**
 * A block's label and the probability of every label, indexed by {@link Label#ordinal()}.
 */
public record Prediction(Label label, double[] probabilities) {

    /** The probability of the chosen label. */
    public double score() {
        return probabilities[label.ordinal()];
    }
}
