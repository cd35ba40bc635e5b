package dev.winnow.core.model;

import dev.winnow.core.Label;
import dev.winnow.core.features.PageFeatures;
import java.util.Arrays;

/**
 * The inputs of the context pass: a block's first-pass probabilities next to those of the
 * blocks around it. An appeal or a promo box is a run of blocks; a line inside it that reads
 * like reporting is caught because its neighbours are not.
 *
 * <p>Built once per page: the sums and runs every row reads are prepared in one sweep, so a
 * page of n blocks costs O(n), not O(n²).
 */
public final class ContextFeatures {
    private static final int K = Label.values().length;
    private static final int REACH = 3;
    private static final int WINDOW = 8;
    private static final int[] MEASURES = {0, 8, 9, 10, 13, 14, 16, 24, 25, 26, 27, 28, 30, 31, 32, 34, 35, 36};

    /** The size of a row without a words-only scorer. */
    public static final int SIZE = K + 2 * REACH * (K + 1) + 2 * K + 2 + K + MEASURES.length + 2 * K + 2 * K;
    /** What a words-only scorer adds: its scores of the block and their mean over the blocks within reach. */
    public static final int WORDS = 2 * K;
    /** What a stemmed words-only scorer adds, read by the second stage alone: the same two. */
    public static final int STEMMED_WORDS = 2 * K;
    /**
     * What the block's unit says, read by the second stage alone after the stemmed scorer's
     * scores: that scorer's mean over the block and the non-editorial blocks around it, then its
     * maximum over those blocks without the block.
     */
    public static final int UNIT = 2 * K;

    private final double[][] first;
    private final double[][] words;
    private final double[][] stemmedWords;
    private final boolean unit;
    private final PageFeatures page;
    /** {@code before[i][k]}: the sum of label k's probabilities over blocks 0..i-1. */
    private final double[][] before;
    /** {@code after[i][k]}: the same over blocks i+1..n-1. */
    private final double[][] after;
    private final int[] runBefore;
    private final int[] runAfter;

    private ContextFeatures(double[][] first, double[][] words, double[][] stemmedWords, boolean unit, PageFeatures page) {
        if (unit && stemmedWords == null) {
            throw new IllegalArgumentException("what a unit says is read from the stemmed scorer's scores, and there are none");
        }
        this.first = first;
        this.words = words;
        this.stemmedWords = stemmedWords;
        this.unit = unit;
        this.page = page;
        int n = first.length;
        before = new double[n + 1][K];
        for (int i = 1; i <= n; i++) {
            for (int k = 0; k < K; k++) {
                before[i][k] = before[i - 1][k] + first[i - 1][k];
            }
        }
        after = new double[n + 1][K];
        for (int i = n - 2; i >= 0; i--) {
            for (int k = 0; k < K; k++) {
                after[i][k] = after[i + 1][k] + first[i + 1][k];
            }
        }
        runBefore = new int[n];
        for (int i = 1; i < n; i++) {
            runBefore[i] = notEditorial(i - 1) ? runBefore[i - 1] + 1 : 0;
        }
        runAfter = new int[n];
        for (int i = n - 2; i >= 0; i--) {
            runAfter[i] = notEditorial(i + 1) ? runAfter[i + 1] + 1 : 0;
        }
    }

    /**
     * @param first the first-pass probabilities of every block of {@code page}, [block][label]
     * @param words the words-only scorer's probabilities of every block, [block][label]; null: none
     */
    public static ContextFeatures of(double[][] first, double[][] words, PageFeatures page) {
        return new ContextFeatures(first, words, null, false, page);
    }

    /**
     * The same with a stemmed words-only scorer's probabilities, [block][label] (null: none), which
     * only {@link #row} holds, after what {@link #firstStage} keeps; with {@code unit}, what the block's
     * unit says ({@link #UNIT}) after them, read from those scores, which must then be there.
     */
    public static ContextFeatures of(double[][] first, double[][] words, double[][] stemmedWords, boolean unit, PageFeatures page) {
        return new ContextFeatures(first, words, stemmedWords, unit, page);
    }

    /** The length of a row, with or without a words-only scorer's scores. */
    public static int size(boolean words) {
        return words ? SIZE + WORDS : SIZE;
    }

    /**
     * The part of a {@link #row} the first stage (editorial or not) is trained on: all but the
     * stemmed scorer's scores. Serving gives it the whole row, since a context model reads only
     * the entries it was trained on ({@link ContextModel#predict}).
     */
    public double[] firstStage(double[] row) {
        return stemmedWords == null ? row : Arrays.copyOf(row, size(words != null));
    }

    public double[] row(int i) {
        int n = first.length;
        double[] x = new double[size(words != null) + (stemmedWords == null ? 0 : STEMMED_WORDS) + (unit ? UNIT : 0)];
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
        at = windowMean(Math.max(0, i - WINDOW), i, x, at);
        at = windowMean(i + 1, Math.min(n, i + 1 + WINDOW), x, at);
        x[at++] = Math.log1p(runBefore[i]) / 3;
        x[at++] = Math.log1p(runAfter[i]) / 3;
        at = mean(before[n], n, x, at);
        double[] measures = page.measures(i);
        for (int m : MEASURES) {
            x[at++] = measures[m];
        }
        // what comes before and after as a whole: an appeal or a gate is often the page's tail
        at = mean(before[i], i, x, at);
        at = mean(after[i], n - 1 - i, x, at);
        at = windowMax(Math.max(0, i - WINDOW), i, x, at);
        at = windowMax(i + 1, Math.min(n, i + 1 + WINDOW), x, at);
        if (words != null) {
            // what the block and its unit say, apart from how they look: an appeal's lines read alike
            at = said(words, i, x, at);
        }
        if (stemmedWords != null) {
            at = said(stemmedWords, i, x, at);
        }
        if (unit) {
            unitSaid(stemmedWords, i, x, at);
        }
        return x;
    }

    /** A scorer's probabilities of block i, then their mean over the other blocks within reach. */
    private static int said(double[][] scores, int i, double[] x, int at) {
        int n = scores.length;
        System.arraycopy(scores[i], 0, x, at, K);
        at += K;
        int from = Math.max(0, i - REACH);
        int to = Math.min(n - 1, i + REACH);
        for (int j = from; j <= to; j++) {
            if (j != i) {
                for (int k = 0; k < K; k++) {
                    x[at + k] += scores[j][k] / (to - from);
                }
            }
        }
        return at + K;
    }

    /**
     * A scorer's mean over block i and the run of non-editorial blocks around it (at most
     * {@code WINDOW} each side), then its maximum over that run without block i: an appeal's
     * heading or its "Give now" button says little, the paragraph beside it says what the unit is.
     */
    private void unitSaid(double[][] scores, int i, double[] x, int at) {
        int from = i - Math.min(runBefore[i], WINDOW);
        int to = i + Math.min(runAfter[i], WINDOW);
        for (int j = from; j <= to; j++) {
            for (int k = 0; k < K; k++) {
                x[at + k] += scores[j][k] / (to - from + 1);
                if (j != i) {
                    x[at + K + k] = Math.max(x[at + K + k], scores[j][k]);
                }
            }
        }
    }

    private boolean notEditorial(int j) {
        return first[j][Label.EDITORIAL.ordinal()] < 0.5;
    }

    private static int mean(double[] sum, int count, double[] x, int at) {
        if (count > 0) {
            for (int k = 0; k < K; k++) {
                x[at + k] = sum[k] / count;
            }
        }
        return at + K;
    }

    private int windowMean(int from, int to, double[] x, int at) {
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

    private int windowMax(int from, int to, double[] x, int at) {
        for (int j = from; j < to; j++) {
            for (int k = 0; k < K; k++) {
                x[at + k] = Math.max(x[at + k], first[j][k]);
            }
        }
        return at + K;
    }
}
