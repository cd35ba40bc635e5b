package dev.winnow.core.model;

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
        regression.predict(contextRow, posterior);
        return ClassIndex.toLabels(classes, posterior, probabilities);
    }

    @Override
    public String describe() {
        return description;
    }
}
