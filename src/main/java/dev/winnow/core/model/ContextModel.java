package dev.winnow.core.model;

import java.io.Serializable;

/** The second pass: relabels a block from its first-pass scores and its neighbours'. */
public interface ContextModel extends Serializable {

    /**
     * Fills {@code probabilities} (indexed by label ordinal) and returns the label ordinal. The
     * model reads the first entries of {@code contextRow}, as many as it was trained on, and none
     * after them: the context pass's first stage is given the whole row, whose last entries only
     * the second stage was trained on, without a copy per block.
     */
    int predict(double[] contextRow, double[] probabilities);

    /** The learner and its settings, for the model card. */
    String describe();
}
