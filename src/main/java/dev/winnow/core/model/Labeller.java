package dev.winnow.core.model;

import dev.winnow.core.Label;
import dev.winnow.core.features.PageFeatures;
import smile.classification.SparseLogisticRegression;
import smile.math.MathEx;

/**
 * A {@link LabelModel} made ready for serving, once, when the model is loaded. Smile scores a
 * sparse row that must first be sorted and merged, and reads each class's weights from its own
 * 512 KiB array; here each first-pass stage's weights are laid out feature by feature, so one row
 * entry touches one cache line, no row is ever built, and one row buffer feeds both stages. A
 * boosted-tree context pass is read from flat arrays ({@link FlatTrees}). Labels are the model's;
 * probabilities may differ from {@link LabelModel#predict} in the last bits, because the first
 * pass adds its terms in another order. Immutable and thread-safe.
 */
public final class Labeller {
    private static final int K = Label.values().length;

    private final LabelModel model;
    private final LinearScorer first;
    private final LinearScorer fine;
    private final ContextModel contextPass;
    private final ContextModel fineContextPass;

    private Labeller(LabelModel model) {
        this.model = model;
        this.first = LinearScorer.of(model.firstPass());
        this.fine = model.fineFirstPass() == null ? null : LinearScorer.of(model.fineFirstPass());
        this.contextPass = flat(model.contextPass());
        this.fineContextPass = flat(model.fineContextPass());
    }

    private static ContextModel flat(ContextModel context) {
        ContextModel flat = FlatTrees.of(context);
        return flat != null ? flat : context;
    }

    public static Labeller of(LabelModel model) {
        return new Labeller(model);
    }

    /** Whether the context pass is served from flat arrays rather than through Smile. */
    boolean flatContextPass() {
        return contextPass instanceof FlatTrees && (fineContextPass == null || fineContextPass instanceof FlatTrees);
    }

    public LabelModel model() {
        return model;
    }

    /** The first-pass probabilities of every block, indexed [block][label ordinal]. */
    public double[][] firstPass(PageFeatures page) {
        if (first == null || (model.fineFirstPass() != null && fine == null)) {
            return model.firstPass(page);
        }
        int n = page.size();
        double[][] out = new double[n][K];
        double[] posterior = first.posterior();
        double[] finePosterior = fine == null ? null : fine.posterior();
        double[] fineLabels = new double[K];
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        for (int i = 0; i < n; i++) {
            page.row(i, row);
            first.score(row, posterior);
            ClassIndex.toLabels(model.firstClasses(), posterior, out[i]);
            if (fine != null) {
                fine.score(row, finePosterior);
                ClassIndex.toLabels(model.fineClasses(), finePosterior, fineLabels);
                LabelModel.combine(out[i], fineLabels);
            }
        }
        return out;
    }

    public Prediction[] predict(PageFeatures page) {
        return LabelModel.predict(firstPass(page), page, contextPass, fineContextPass, model.outputWeights());
    }

    /**
     * One logistic regression's weights, feature by feature: a multinomial one's, or a binomial
     * one's (the two-stage model's editorial decision), whose single score is the second class's.
     */
    private static final class LinearScorer {
        /** Scored classes: Smile's multinomial model fixes the last class's score at zero. */
        private final int scored;
        private final boolean binomial;
        /** {@code weights[feature * scored + c]}. */
        private final double[] weights;
        private final double[] bias;

        private LinearScorer(double[][] coefficients, boolean binomial) {
            this.binomial = binomial;
            scored = coefficients.length;
            int features = coefficients[0].length - 1;
            weights = new double[features * scored];
            bias = new double[scored];
            for (int c = 0; c < scored; c++) {
                for (int f = 0; f < features; f++) {
                    weights[f * scored + c] = coefficients[c][f];
                }
                bias[c] = coefficients[c][features];
            }
        }

        static LinearScorer of(SparseLogisticRegression model) {
            if (model instanceof SparseLogisticRegression.Multinomial multinomial) {
                return new LinearScorer(multinomial.coefficients(), false);
            }
            if (model instanceof SparseLogisticRegression.Binomial binomial) {
                return new LinearScorer(new double[][] {binomial.coefficients()}, true);
            }
            return null;
        }

        double[] posterior() {
            return new double[scored + 1];
        }

        /** The class probabilities of one row: the bias, then each entry in the row's order, as Smile adds them, then the softmax. */
        void score(PageFeatures.RowBuffer row, double[] posterior) {
            int[] indices = row.indices();
            double[] values = row.values();
            int size = row.size();
            if (scored == 4) {
                // five classes: four sums kept in registers
                double s0 = bias[0];
                double s1 = bias[1];
                double s2 = bias[2];
                double s3 = bias[3];
                for (int e = 0; e < size; e++) {
                    int at = indices[e] * 4;
                    double v = values[e];
                    s0 += v * weights[at];
                    s1 += v * weights[at + 1];
                    s2 += v * weights[at + 2];
                    s3 += v * weights[at + 3];
                }
                posterior[0] = s0;
                posterior[1] = s1;
                posterior[2] = s2;
                posterior[3] = s3;
            } else {
                System.arraycopy(bias, 0, posterior, 0, scored);
                for (int e = 0; e < size; e++) {
                    int at = indices[e] * scored;
                    for (int c = 0; c < scored; c++) {
                        posterior[c] += values[e] * weights[at + c];
                    }
                }
            }
            if (binomial) {
                double p = 1.0 / (1.0 + Math.exp(-posterior[0]));
                posterior[0] = 1 - p;
                posterior[1] = p;
                return;
            }
            posterior[scored] = 0;
            MathEx.softmax(posterior);
        }
    }
}
