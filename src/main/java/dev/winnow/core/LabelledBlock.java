package dev.winnow.core;

import dev.winnow.core.model.Prediction;
import dev.winnow.core.segment.Block;

/** A block with the model's label, the probability of that label, and whether the policy kept it. */
public record LabelledBlock(Block block, Prediction prediction, boolean kept) {

    public Label label() {
        return prediction.label();
    }

    public double score() {
        return prediction.score();
    }
}
