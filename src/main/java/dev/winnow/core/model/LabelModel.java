package dev.winnow.core.model;

import dev.winnow.core.Label;
import dev.winnow.core.features.PageFeatures;
import java.io.Serializable;
import java.util.Map;
import smile.classification.SparseLogisticRegression;

/**
 * The trained model: a first pass that labels each block from its own and its neighbours'
 * features, then a context pass over the first pass's scores. Immutable and thread-safe;
 * load it once and share it.
 *
 * @param id           content hash of the model, recorded in the model card
 * @param featureBits  the hashed feature space it was trained for
 * @param firstPass    Smile's sparse multinomial logistic regression
 * @param firstClasses the label ordinal of each of the first pass's class slots
 * @param contextPass  the second pass; null for a first-pass-only model
 * @param card         training facts for the model card (corpus, settings, figures)
 */
public record LabelModel(
        String id,
        int featureBits,
        SparseLogisticRegression firstPass,
        int[] firstClasses,
        ContextModel contextPass,
        Map<String, String> card) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int K = Label.values().length;

    /** The first-pass probabilities of every block, indexed [block][label ordinal]. */
    public double[][] firstPass(PageFeatures page) {
        int n = page.size();
        double[][] first = new double[n][K];
        double[] posterior = new double[firstClasses.length];
        for (int i = 0; i < n; i++) {
            firstPass.predict(page.row(i), posterior);
            ClassIndex.toLabels(firstClasses, posterior, first[i]);
        }
        return first;
    }

    public Prediction[] predict(PageFeatures page) {
        return predict(firstPass(page), page, contextPass);
    }

    /** The labels of every block given the first pass's probabilities ({@link #firstPass}) and a context pass (null: none). */
    static Prediction[] predict(double[][] first, PageFeatures page, ContextModel contextPass) {
        Prediction[] out = new Prediction[page.size()];
        ContextFeatures context = contextPass == null ? null : ContextFeatures.of(first, page);
        for (int i = 0; i < out.length; i++) {
            double[] p = new double[K];
            int label;
            if (context == null) {
                System.arraycopy(first[i], 0, p, 0, K);
                label = argmax(p);
            } else {
                label = contextPass.predict(context.row(i), p);
            }
            out[i] = new Prediction(Label.values()[label], p);
        }
        return out;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
