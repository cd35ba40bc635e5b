package dev.winnow.train;

import smile.classification.SparseLogisticRegression;
import smile.util.IntSet;

/**
 * A trained linear scorer with every coefficient rounded to the nearest {@code float}, still held
 * as Smile's doubles. A scorer over the hashed feature space is a dense row of 65,537 doubles per
 * class, and the last 29 bits of each are digits the optimiser (tolerance 1E-5) never meant:
 * zeroed, gzip packs the model file into little more than half the bytes, while each coefficient
 * moves by at most 2^-24 of itself (the model card says what that did to the answers).
 */
final class FloatCoefficients {
    private FloatCoefficients() {
    }

    /** @param lambda the regularisation the scorer was fitted with, which Smile keeps for online updates */
    static SparseLogisticRegression of(SparseLogisticRegression scorer, double lambda) {
        double[][] w = coefficients(scorer);
        double[][] out = new double[w.length][];
        for (int k = 0; k < w.length; k++) {
            out[k] = rounded(w[k]);
        }
        IntSet classes = new IntSet(scorer.classes());
        return scorer instanceof SparseLogisticRegression.Binomial
                ? new SparseLogisticRegression.Binomial(out[0], scorer.loglikelihood(), lambda, classes)
                : new SparseLogisticRegression.Multinomial(out, scorer.loglikelihood(), lambda, classes);
    }

    /** The scorer's coefficients, a row per class (one row for a binomial scorer), as Smile holds them. */
    static double[][] coefficients(SparseLogisticRegression scorer) {
        if (scorer instanceof SparseLogisticRegression.Binomial binomial) {
            return new double[][] {binomial.coefficients()};
        }
        if (scorer instanceof SparseLogisticRegression.Multinomial multinomial) {
            return multinomial.coefficients();
        }
        throw new IllegalArgumentException("not a binomial or multinomial scorer: " + scorer.getClass().getName());
    }

    private static double[] rounded(double[] w) {
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = (float) w[j];
        }
        return out;
    }
}
