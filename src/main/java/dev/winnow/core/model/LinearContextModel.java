package dev.winnow.core.model;

import java.util.Arrays;
import smile.classification.LogisticRegression;

/** A context pass by multinomial logistic regression over the context row. */
public final class LinearContextModel implements ContextModel {
    private static final long serialVersionUID = 1L;

    private final LogisticRegression regression;
    private final int[] classes;
    private final String description;
    /** The row width the regression was trained on; 0 until first read, and not serialised. */
    private transient int width;

    public LinearContextModel(LogisticRegression regression, int[] classes, String description) {
        this.regression = regression;
        this.classes = classes;
        this.description = description;
    }

    @Override
    public int predict(double[] contextRow, double[] probabilities) {
        double[] posterior = new double[classes.length];
        // Smile reads a row of exactly the width it was trained on
        int trained = width();
        regression.predict(contextRow.length > trained ? Arrays.copyOf(contextRow, trained) : contextRow, posterior);
        return ClassIndex.toLabels(classes, posterior, probabilities);
    }

    private int width() {
        int w = width;
        if (w == 0) {
            // read once per loaded model, not once per block; the race is benign, every thread reads the same
            w = regression instanceof LogisticRegression.Binomial binomial
                    ? binomial.coefficients().length - 1
                    : ((LogisticRegression.Multinomial) regression).coefficients()[0].length - 1;
            width = w;
        }
        return w;
    }

    @Override
    public String describe() {
        return description;
    }
}
