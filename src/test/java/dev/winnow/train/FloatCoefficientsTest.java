package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;
import smile.util.SparseArray;

class FloatCoefficientsTest {

    private static final int FEATURES = 200;

    @Test
    void aMultinomialScorerKeepsItsClassesAndAnswersWithFloatCoefficients() {
        check(3);
    }

    @Test
    void aBinomialScorerKeepsItsClassesAndAnswersWithFloatCoefficients() {
        check(2);
    }

    @Test
    void somethingElseIsRefusedRatherThanPassedOnWhole() {
        SparseLogisticRegression odd = new SparseLogisticRegression(2, 0, 0.1, new smile.util.IntSet(new int[] {0, 1})) {
            @Override
            public int predict(SparseArray x) {
                return 0;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> FloatCoefficients.of(odd, 0.1));
    }

    private static void check(int classes) {
        Random random = new Random(classes);
        List<SparseArray> rows = new ArrayList<>();
        int[] y = new int[600];
        for (int r = 0; r < y.length; r++) {
            SparseArray row = new SparseArray();
            y[r] = r % classes;
            for (int j = 0; j < 12; j++) {
                // class-leaning features, so the fit has something to learn and its coefficients are not round
                int feature = random.nextInt(FEATURES / classes) + y[r] * (FEATURES / classes);
                row.set(random.nextInt(4) == 0 ? random.nextInt(FEATURES) : feature, 1 + random.nextDouble());
            }
            rows.add(row);
        }
        SparseLogisticRegression fitted = SparseLogisticRegression.fit(SparseDataset.of(rows, FEATURES), y, 0.1, 1E-5, 200);
        SparseLogisticRegression rounded = FloatCoefficients.of(fitted, 0.1);

        assertEquals(fitted.getClass(), rounded.getClass());
        assertArrayEquals(fitted.classes(), rounded.classes());
        double[][] before = FloatCoefficients.coefficients(fitted);
        double[][] after = FloatCoefficients.coefficients(rounded);
        int moved = 0;
        for (int k = 0; k < before.length; k++) {
            for (int j = 0; j < before[k].length; j++) {
                assertEquals((double) (float) before[k][j], after[k][j], 0.0, "coefficient " + k + "," + j);
                moved += before[k][j] != after[k][j] ? 1 : 0;
            }
        }
        assertNotEquals(0, moved, "a fitted scorer's doubles are not floats already, so rounding changes some");
        double[] p = new double[classes];
        double[] q = new double[classes];
        for (SparseArray row : rows) {
            assertEquals(fitted.predict(row, p), rounded.predict(row, q));
            for (int k = 0; k < classes; k++) {
                assertEquals(p[k], q[k], 1E-6, "posterior of class " + k);
            }
        }
    }
}
