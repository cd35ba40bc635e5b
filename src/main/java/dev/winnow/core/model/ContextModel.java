package dev.winnow.core.model;

import java.io.Serializable;

/** The second pass: relabels a block from its first-pass scores and its neighbours'. */
public interface ContextModel extends Serializable {

    /** Fills {@code probabilities} (indexed by label ordinal) and returns the label ordinal. */
    int predict(double[] contextRow, double[] probabilities);

    /** The learner and its settings, for the model card. */
    String describe();
}
