package dev.winnow.train;

import smile.classification.SparseLogisticRegression;
import smile.util.IntSet;

/**
 * A trained linear scorer with every coefficient rounded to the nearest {@code float}, still held
 * as Smile's doubles. A scorer over the hashed feature space is a dense row of 65,537 doubles per
 * class, and the last 29 bits of each are digits the optimiser (tolerance 1E-5) never meant:
 * zeroed, gzip packs the model file into little more than half the bytes, while a block's score
 * moves by about a ten-millionth of itself (the model card says what that did to the answers).
 */
final class FloatCoefficients {
    private FloatCoefficients() {
    }

    /** @param lambda the regularisation the scorer was fitted with, which Smile keeps for online updates */
    static SparseLogisticRegression of(SparseLogisticRegression scorer, double lambda) {
        IntSet classes = new IntSet(scorer.classes());
        if (scorer instanceof SparseLogisticRegression.Binomial binomial) {
            return new SparseLogisticRegression.Binomial(rounded(binomial.coefficients()), scorer.loglikelihood(), lambda, classes);
        }
        if (scorer instanceof SparseLogisticRegression.Multinomial multinomial) {
            double[][] w = multinomial.coefficients();
            double[][] out = new double[w.length][];
            for (int k = 0; k < w.length; k++) {
                out[k] = rounded(w[k]);
            }
            return new SparseLogisticRegression.Multinomial(out, scorer.loglikelihood(), lambda, classes);
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
