package dev.winnow.core.model;

import java.util.Arrays;
import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.data.type.StructType;

/** A context pass by a Smile tree ensemble (gradient-boosted trees or random forest). */
public final class TreeContextModel implements ContextModel {
    private static final long serialVersionUID = 1L;

    private final DataFrameClassifier trees;
    private final StructType schema;
    private final int[] classes;
    private final String description;

    public TreeContextModel(DataFrameClassifier trees, StructType schema, int[] classes, String description) {
        this.trees = trees;
        this.schema = schema;
        this.classes = classes;
        this.description = description;
    }

    @Override
    public int predict(double[] contextRow, double[] probabilities) {
        double[] posterior = new double[classes.length];
        // Smile's tuple is the schema's width: entries past it are not the model's
        double[] row = contextRow.length > schema.length() ? Arrays.copyOf(contextRow, schema.length()) : contextRow;
        trees.predict(Tuple.of(row, schema), posterior);
        return ClassIndex.toLabels(classes, posterior, probabilities);
    }

    DataFrameClassifier trees() {
        return trees;
    }

    int[] classes() {
        return classes;
    }

    @Override
    public String describe() {
        return description;
    }
}
