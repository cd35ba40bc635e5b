package dev.winnow.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.winnow.core.Label;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

/**
 * A context model reads the first entries of a row, as many as it was trained on: serving gives
 * the context pass's first stage the whole row, whose last entries (the stemmed scorer's) only the
 * second stage was trained on. Smile's own trees are held to that by {@code LabellerTest}.
 */
class ContextModelTest {

    private static final double[][] X = {
        {0.0, 0.1}, {0.1, 0.0}, {0.2, 0.3}, {0.9, 0.8}, {1.0, 0.7}, {0.8, 1.0}, {0.1, 0.9}, {0.0, 1.0}, {0.2, 0.8},
    };

    @Test
    void aLinearContextPassReadsOnlyTheEntriesItWasTrainedOn() {
        check(LogisticRegression.fit(X, new int[] {0, 0, 0, 1, 1, 1, 0, 0, 0}), new int[] {0, 1});
        check(LogisticRegression.fit(X, new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2}), new int[] {1, 2, 4});
    }

    private static void check(LogisticRegression regression, int[] classes) {
        LinearContextModel model = new LinearContextModel(regression, classes, "test");
        for (double[] row : X) {
            double[] exact = new double[Label.values().length];
            double[] longer = new double[Label.values().length];
            int label = model.predict(row, exact);
            assertEquals(label, model.predict(new double[] {row[0], row[1], 0.5, -3.0}, longer));
            assertArrayEquals(exact, longer, 0.0);
        }
    }
}
