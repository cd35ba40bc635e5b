package dev.winnow.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.winnow.core.Input;
import dev.winnow.core.Winnow;
import dev.winnow.core.features.PageFeatures;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-sweep sums give what a block's row says: means and runs over the page, computed directly. */
class ContextFeaturesTest {
    private static final int K = 5;

    @Test
    void pageWideMeansAndRunsMatchADirectCount() throws IOException {
        int n = 40;
        PageFeatures page = page(n);
        double[][] first = probabilities(n, 7);
        // a run of non-editorial blocks in the middle
        for (int i = 10; i < 25; i++) {
            first[i][0] = 0.01;
        }
        ContextFeatures context = ContextFeatures.of(first, null, page);
        int tail = ContextFeatures.SIZE - 4 * K;
        int runs = K + 6 * (K + 1) + 2 * K;
        for (int i = 0; i < n; i++) {
            double[] row = context.row(i);
            double[] before = mean(first, 0, i);
            double[] after = mean(first, i + 1, n);
            for (int k = 0; k < K; k++) {
                assertEquals(before[k], row[tail + k], 1e-12, "mean before block " + i);
                assertEquals(after[k], row[tail + K + k], 1e-12, "mean after block " + i);
            }
            assertEquals(Math.log1p(run(first, i, -1)) / 3, row[runs], 1e-12, "run before block " + i);
            assertEquals(Math.log1p(run(first, i, 1)) / 3, row[runs + 1], 1e-12, "run after block " + i);
        }
    }

    @Test
    void aWordsOnlyScorerAddsTheBlocksScoresAndTheirMeanWithinReach() throws IOException {
        int n = 12;
        PageFeatures page = page(n);
        double[][] first = probabilities(n, 3);
        double[][] words = probabilities(n, 5);
        ContextFeatures without = ContextFeatures.of(first, null, page);
        ContextFeatures with = ContextFeatures.of(first, words, page);
        for (int i = 0; i < n; i++) {
            double[] row = with.row(i);
            assertEquals(ContextFeatures.SIZE + ContextFeatures.WORDS, row.length);
            assertArrayEquals(without.row(i), Arrays.copyOf(row, ContextFeatures.SIZE), 0.0, "block " + i);
            double[] around = new double[K];
            int count = 0;
            for (int j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) {
                if (j != i) {
                    count++;
                    for (int k = 0; k < K; k++) {
                        around[k] += words[j][k];
                    }
                }
            }
            for (int k = 0; k < K; k++) {
                assertEquals(words[i][k], row[ContextFeatures.SIZE + k], 0.0, "own words, block " + i);
                assertEquals(around[k] / count, row[ContextFeatures.SIZE + K + k], 1e-12, "words around block " + i);
            }
        }
    }

    @Test
    void theFirstStageNeverReadsTheStemmedScorer() throws IOException {
        int n = 9;
        PageFeatures page = page(n);
        double[][] first = probabilities(n, 11);
        double[][] words = probabilities(n, 13);
        double[][] stemmed = probabilities(n, 17);
        ContextFeatures plain = ContextFeatures.of(first, words, page);
        ContextFeatures with = ContextFeatures.of(first, words, stemmed, false, page);
        ContextFeatures other = ContextFeatures.of(first, words, probabilities(n, 19), false, page);
        int size = ContextFeatures.size(true);
        for (int i = 0; i < n; i++) {
            double[] row = with.row(i);
            assertEquals(size + ContextFeatures.STEMMED_WORDS, row.length);
            assertArrayEquals(plain.row(i), with.firstStage(row), 0.0, "block " + i + ": the first stage reads what it read without stems");
            assertArrayEquals(with.firstStage(row), other.firstStage(other.row(i)), 0.0, "block " + i + ": whatever the stemmed scorer says");
            for (int k = 0; k < K; k++) {
                assertEquals(stemmed[i][k], row[size + k], 0.0, "own stemmed scores, block " + i);
            }
        }
    }

    @Test
    void aUnitsWordsAreTheStemmedScoresOverTheNonEditorialRunAroundTheBlock() throws IOException {
        int n = 30;
        PageFeatures page = page(n);
        double[][] first = probabilities(n, 23);
        for (int i = 0; i < n; i++) {
            // editorial but for a run of 12 (longer than the window of 8 each side) and a lone block
            first[i][0] = i >= 6 && i < 18 || i == 24 ? 0.01 : 0.99;
        }
        double[][] words = probabilities(n, 29);
        double[][] stemmed = probabilities(n, 31);
        ContextFeatures plain = ContextFeatures.of(first, words, stemmed, false, page);
        ContextFeatures with = ContextFeatures.of(first, words, stemmed, true, page);
        int size = ContextFeatures.size(true) + ContextFeatures.STEMMED_WORDS;
        for (int i = 0; i < n; i++) {
            double[] row = with.row(i);
            assertEquals(size + ContextFeatures.UNIT, row.length);
            assertArrayEquals(plain.row(i), Arrays.copyOf(row, size), 0.0, "block " + i + ": what came before is as it was");
            int from = i;
            while (from > 0 && from > i - 8 && first[from - 1][0] < 0.5) {
                from--;
            }
            int to = i;
            while (to < n - 1 && to < i + 8 && first[to + 1][0] < 0.5) {
                to++;
            }
            for (int k = 0; k < K; k++) {
                double sum = 0;
                double max = 0;
                for (int j = from; j <= to; j++) {
                    sum += stemmed[j][k];
                    max = j == i ? max : Math.max(max, stemmed[j][k]);
                }
                assertEquals(sum / (to - from + 1), row[size + k], 1e-12, "unit mean, block " + i);
                assertEquals(max, row[size + K + k], 0.0, "unit maximum without the block, block " + i);
            }
        }
        // an editorial block between two editorial ones is its own unit: its mean is its own score
        assertEquals(stemmed[2][3], with.row(2)[size + 3], 1e-12);
        assertEquals(0.0, with.row(2)[size + K + 3], 0.0);
        // the lone non-editorial block 24 and the editorial blocks beside it
        assertEquals((stemmed[23][3] + stemmed[24][3]) / 2, with.row(23)[size + 3], 1e-12);
    }

    @Test
    void aUnitIsReadOnlyFromTheStemmedScorer() throws IOException {
        PageFeatures page = page(3);
        assertThrows(IllegalArgumentException.class, () -> ContextFeatures.of(probabilities(3, 1), probabilities(3, 2), null, true, page));
    }

    private static PageFeatures page(int n) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("Line ").append(i).append(" of a page.\n");
        }
        return PageFeatures.of(Winnow.fromClasspath().segment(Input.text(text.toString())));
    }

    /** Random distributions over the five labels, one a block. */
    private static double[][] probabilities(int n, long seed) {
        double[][] out = new double[n][K];
        Random random = new Random(seed);
        for (double[] p : out) {
            double sum = 0;
            for (int k = 0; k < K; k++) {
                p[k] = random.nextDouble();
                sum += p[k];
            }
            for (int k = 0; k < K; k++) {
                p[k] /= sum;
            }
        }
        return out;
    }

    private static double[] mean(double[][] first, int from, int to) {
        double[] m = new double[K];
        for (int j = from; j < to; j++) {
            for (int k = 0; k < K; k++) {
                m[k] += first[j][k] / (to - from);
            }
        }
        return m;
    }

    private static int run(double[][] first, int i, int step) {
        int count = 0;
        for (int j = i + step; j >= 0 && j < first.length && first[j][0] < 0.5; j += step) {
            count++;
        }
        return count;
    }
}
