package dev.winnow.core.model;

import java.util.Arrays;

/**
 * Smile numbers the classes it saw in training 0..k-1; a small corpus may lack a label, so the
 * posterior of class slot {@code s} belongs to label {@code classes[s]}. This maps it back.
 */
final class ClassIndex {
    private ClassIndex() {
    }

    static int toLabels(int[] classes, double[] posterior, double[] probabilities) {
        Arrays.fill(probabilities, 0);
        int best = 0;
        double bestP = -1;
        for (int s = 0; s < classes.length; s++) {
            probabilities[classes[s]] = posterior[s];
            if (posterior[s] > bestP) {
                bestP = posterior[s];
                best = classes[s];
            }
        }
        return best;
    }
}
