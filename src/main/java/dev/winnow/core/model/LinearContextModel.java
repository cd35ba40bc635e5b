package dev.winnow.core.model;

import java.util.Arrays;
import smile.classification.LogisticRegression;

/** A context pass by multinomial logistic regression over the context row. */
public final class LinearContextModel implements ContextModel {
    private static final long serialVersionUID = 1L;

    private final LogisticRegression regression;
    private final int[] classes;
    private final String description;

    public LinearContextModel(LogisticRegression regression, int[] classes, String description) {
        this.regression = regression;
        this.classes = classes;
        this.description = description;
    }

    @Override
    public int predict(double[] contextRow, double[] probabilities) {
        double[] posterior = new double[classes.length];
        // Smile reads a row of exactly the width it was trained on
        int width = width();
        regression.predict(contextRow.length > width ? Arrays.copyOf(contextRow, width) : contextRow, posterior);
        return ClassIndex.toLabels(classes, posterior, probabilities);
    }

    private int width() {
        if (regression instanceof LogisticRegression.Binomial binomial) {
            return binomial.coefficients().length - 1;
        }
        return ((LogisticRegression.Multinomial) regression).coefficients()[0].length - 1;
    }

    @Override
    public String describe() {
        return description;
    }
}
