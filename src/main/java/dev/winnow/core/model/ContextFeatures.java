package dev.winnow.core.model;

import dev.winnow.core.Label;
import dev.winnow.core.features.PageFeatures;

/**
 * The inputs of the context pass: a block's first-pass probabilities next to those of the
 * blocks around it. An appeal or a promo box is a run of blocks; a line inside it that reads
 * like reporting is caught because its neighbours are not.
 */
public final class ContextFeatures {
    private ContextFeatures() {
    }

    private static final int K = Label.values().length;
    private static final int REACH = 3;
    private static final int WINDOW = 8;
    private static final int[] MEASURES = {0, 8, 9, 10, 13, 14, 16};

    public static final int SIZE = K + 2 * REACH * (K + 1) + 2 * K + 2 + K + MEASURES.length + 2 * K + 2 * K;

    public static double[] row(int i, double[][] first, PageFeatures page) {
        int n = first.length;
        double[] x = new double[SIZE];
        int at = 0;
        System.arraycopy(first[i], 0, x, at, K);
        at += K;
        for (int offset = -REACH; offset <= REACH; offset++) {
            if (offset == 0) {
                continue;
            }
            int j = i + offset;
            if (j >= 0 && j < n) {
                System.arraycopy(first[j], 0, x, at, K);
                x[at + K] = 1;
            }
            at += K + 1;
        }
        at = windowMean(first, Math.max(0, i - WINDOW), i, x, at);
        at = windowMean(first, i + 1, Math.min(n, i + 1 + WINDOW), x, at);
        x[at++] = Math.log1p(run(first, i, -1)) / 3;
        x[at++] = Math.log1p(run(first, i, 1)) / 3;
        at = windowMean(first, 0, n, x, at);
        double[] measures = page.measures(i);
        for (int m : MEASURES) {
            x[at++] = measures[m];
        }
        // what comes before and after as a whole: an appeal or a gate is often the page's tail
        at = windowMean(first, 0, i, x, at);
        at = windowMean(first, i + 1, n, x, at);
        at = windowMax(first, Math.max(0, i - WINDOW), i, x, at);
        windowMax(first, i + 1, Math.min(n, i + 1 + WINDOW), x, at);
        return x;
    }

    private static int windowMean(double[][] first, int from, int to, double[] x, int at) {
        if (to > from) {
            for (int j = from; j < to; j++) {
                for (int k = 0; k < K; k++) {
                    x[at + k] += first[j][k];
                }
            }
            for (int k = 0; k < K; k++) {
                x[at + k] /= (to - from);
            }
        }
        return at + K;
    }

    private static int windowMax(double[][] first, int from, int to, double[] x, int at) {
        for (int j = from; j < to; j++) {
            for (int k = 0; k < K; k++) {
                x[at + k] = Math.max(x[at + k], first[j][k]);
            }
        }
        return at + K;
    }

    /** How many blocks in a row, going one way from {@code i}, the first pass thinks are not editorial. */
    private static int run(double[][] first, int i, int step) {
        int count = 0;
        for (int j = i + step; j >= 0 && j < first.length; j += step) {
            if (first[j][Label.EDITORIAL.ordinal()] >= 0.5) {
                break;
            }
            count++;
        }
        return count;
    }
}
