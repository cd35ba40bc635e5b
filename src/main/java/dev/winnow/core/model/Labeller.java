package dev.winnow.core.model;

import dev.winnow.core.Label;
import dev.winnow.core.features.PageFeatures;
import smile.classification.SparseLogisticRegression;
import smile.math.MathEx;

/**
 * A {@link LabelModel} made ready for serving, once, when the model is loaded. Smile scores a
 * sparse row that must first be sorted and merged, and reads each class's weights from its own
 * 512 KiB array; here the first pass's weights are laid out feature by feature, so one row
 * entry touches one cache line and no row is ever built. A boosted-tree context pass is read
 * from flat arrays ({@link FlatTrees}). Labels are the model's; probabilities may differ from
 * {@link LabelModel#predict} in the last bits, because the first pass adds its terms in another
 * order. Immutable and thread-safe.
 */
public final class Labeller {
    private static final int K = Label.values().length;

    private final LabelModel model;
    /** Scored classes: Smile's multinomial model fixes the last class's score at zero. */
    private final int scored;
    /** {@code weights[feature * scored + c]}. */
    private final double[] weights;
    private final double[] bias;
    private final ContextModel contextPass;

    private Labeller(LabelModel model, double[][] coefficients) {
        this.model = model;
        ContextModel flat = FlatTrees.of(model.contextPass());
        this.contextPass = flat != null ? flat : model.contextPass();
        if (coefficients == null) {
            scored = 0;
            weights = null;
            bias = null;
            return;
        }
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

    public static Labeller of(LabelModel model) {
        return new Labeller(model, model.firstPass() instanceof SparseLogisticRegression.Multinomial multinomial
                ? multinomial.coefficients() : null);
    }

    /** Whether the context pass is served from flat arrays rather than through Smile. */
    boolean flatContextPass() {
        return contextPass instanceof FlatTrees;
    }

    public LabelModel model() {
        return model;
    }

    /** The first-pass probabilities of every block, indexed [block][label ordinal]. */
    public double[][] firstPass(PageFeatures page) {
        if (weights == null) {
            return model.firstPass(page);
        }
        int n = page.size();
        double[][] first = new double[n][K];
        double[] posterior = new double[scored + 1];
        int[] classes = model.firstClasses();
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        for (int i = 0; i < n; i++) {
            page.row(i, row);
            score(row, posterior);
            MathEx.softmax(posterior);
            ClassIndex.toLabels(classes, posterior, first[i]);
        }
        return first;
    }

    /** The linear scores of one row: the bias, then each entry in the row's order, as Smile adds them. */
    private void score(PageFeatures.RowBuffer row, double[] posterior) {
        int[] indices = row.indices();
        double[] values = row.values();
        int size = row.size();
        if (scored == 4) {
            // the shipped five-label model: four sums kept in registers
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
        posterior[scored] = 0;
    }

    public Prediction[] predict(PageFeatures page) {
        return LabelModel.predict(firstPass(page), page, contextPass);
    }
}
