package dev.winnow.core.model;

import dev.winnow.core.Label;
import dev.winnow.core.features.PageFeatures;
import smile.classification.SparseLogisticRegression;
import smile.math.MathEx;

/**
 * A {@link LabelModel} made ready for serving, once, when the model is loaded. Smile scores a
 * sparse row that must first be sorted and merged, and reads each class's weights from its own
 * 512 KiB array; here both first-pass stages' weights are laid out together, feature by feature,
 * so one row entry touches one cache line for both, no row is ever built, and one row buffer and
 * one loop feed both stages and the words-only scorers. A boosted-tree context pass is read from flat arrays
 * ({@link FlatTrees}). Labels are the model's; probabilities may differ from
 * {@link LabelModel#predict} in the last bits, because the first pass adds its terms in another
 * order. Immutable and thread-safe.
 */
public final class Labeller {
    private static final int K = Label.values().length;

    private final LabelModel model;
    private final LinearScorer first;
    private final LinearScorer fine;
    /** Both first-pass stages' weights side by side; null when Smile must score them itself. */
    private final WeightTable weights;
    private final ContextModel contextPass;
    private final ContextModel fineContextPass;
    private final LinearScorer words;
    private final LinearScorer stemmedWords;
    /**
     * The words-only scorer's weights, and beside them the stemmed one's when it is servable: a
     * block's words are read once for both, and its stems for the second alone.
     */
    private final WeightTable wordWeights;

    private Labeller(LabelModel model) {
        this.model = model;
        this.first = LinearScorer.of(model.firstPass());
        this.fine = model.fineFirstPass() == null ? null : LinearScorer.of(model.fineFirstPass());
        boolean servable = first != null && (model.fineFirstPass() == null || fine != null);
        this.weights = !servable ? null : fine == null ? new WeightTable(first) : new WeightTable(first, fine);
        this.words = model.wordsPass() == null ? null : LinearScorer.of(model.wordsPass());
        this.stemmedWords = words == null || model.stemmedWordsPass() == null ? null : LinearScorer.of(model.stemmedWordsPass());
        this.wordWeights = words == null ? null : stemmedWords == null ? new WeightTable(words) : new WeightTable(words, stemmedWords);
        this.contextPass = flat(model.contextPass());
        this.fineContextPass = flat(model.fineContextPass());
    }

    private static ContextModel flat(ContextModel context) {
        ContextModel flat = FlatTrees.of(context);
        return flat != null ? flat : context;
    }

    public static Labeller of(LabelModel model) {
        return new Labeller(model);
    }

    /** Whether the context pass is served from flat arrays rather than through Smile. */
    boolean flatContextPass() {
        return contextPass instanceof FlatTrees && (fineContextPass == null || fineContextPass instanceof FlatTrees);
    }

    public LabelModel model() {
        return model;
    }

    /** The first-pass probabilities of every block, indexed [block][label ordinal]. */
    public double[][] firstPass(PageFeatures page) {
        if (weights == null) {
            return model.firstPass(page);
        }
        int n = page.size();
        double[][] out = new double[n][K];
        double[] sums = new double[weights.width];
        double[] posterior = first.posterior();
        double[] finePosterior = fine == null ? null : fine.posterior();
        double[] fineLabels = new double[K];
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        for (int i = 0; i < n; i++) {
            page.firstRow(i, row);
            firstPass(row, sums, posterior, finePosterior, fineLabels, out[i]);
        }
        return out;
    }

    private void firstPass(PageFeatures.RowBuffer row, double[] sums, double[] posterior, double[] finePosterior, double[] fineLabels,
                           double[] out) {
        weights.sum(row, 0, row.stemsFrom(), sums);
        first.finish(sums, 0, posterior);
        ClassIndex.toLabels(model.firstClasses(), posterior, out);
        if (fine != null) {
            fine.finish(sums, first.scored, finePosterior);
            ClassIndex.toLabels(model.fineClasses(), finePosterior, fineLabels);
            LabelModel.combine(out, fineLabels);
        }
    }

    /**
     * {@link #firstPass}, {@link #wordsPass} and {@link #stemmedWordsPass} from one row per block:
     * the words-only scorers' entries are the block's own words within the first pass's row and
     * (for the one that reads stems) its stems after it, in the order {@link PageFeatures#stemmedWordRow}
     * gives them, so they are hashed once and their sums are the same to the bit.
     */
    private double[][][] linearPasses(PageFeatures page) {
        int n = page.size();
        double[][] out = new double[n][K];
        double[][] wordsOut = new double[n][K];
        double[][] stemmedOut = stemmedWords == null ? null : new double[n][K];
        double[] sums = new double[weights.width];
        double[] wordSums = new double[wordWeights.width];
        double[] posterior = first.posterior();
        double[] finePosterior = fine == null ? null : fine.posterior();
        double[] wordsPosterior = words.posterior();
        double[] stemmedPosterior = stemmedWords == null ? null : stemmedWords.posterior();
        double[] fineLabels = new double[K];
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        for (int i = 0; i < n; i++) {
            page.row(i, row);
            firstPass(row, sums, posterior, finePosterior, fineLabels, out[i]);
            if (stemmedWords == null) {
                // a model whose one words-only scorer reads the stems
                wordWeights.sum(row, row.wordsFrom(), row.wordsTo(), row.stemsFrom(), row.size(), wordSums);
            } else {
                wordWeights.sumThenPart(row, row.wordsFrom(), row.wordsTo(), row.stemsFrom(), row.size(), words.scored, wordSums);
                finish(stemmedWords, wordSums, words.scored, model.stemmedWordsClasses(), stemmedPosterior, stemmedOut[i]);
            }
            finish(words, wordSums, 0, model.wordsClasses(), wordsPosterior, wordsOut[i]);
        }
        return new double[][][] {out, wordsOut, stemmedOut};
    }

    private static void finish(LinearScorer scorer, double[] sums, int from, int[] classes, double[] posterior, double[] out) {
        scorer.finish(sums, from, posterior);
        ClassIndex.toLabels(classes, posterior, out);
    }

    /** The words-only scorer's probabilities of every block, [block][label ordinal]; null without one. */
    public double[][] wordsPass(PageFeatures page) {
        if (wordWeights == null) {
            return model.wordsPass(page);
        }
        int n = page.size();
        double[][] out = new double[n][K];
        double[] sums = new double[wordWeights.width];
        double[] posterior = words.posterior();
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        for (int i = 0; i < n; i++) {
            if (model.wordsPassReadsStems()) {
                page.stemmedWordRow(i, row);
            } else {
                page.wordRow(i, row);
            }
            wordWeights.sum(row, 0, row.size(), sums);
            finish(words, sums, 0, model.wordsClasses(), posterior, out[i]);
        }
        return out;
    }

    /** The stemmed words-only scorer's probabilities of every block, [block][label ordinal]; null without one. */
    public double[][] stemmedWordsPass(PageFeatures page) {
        if (stemmedWords == null) {
            return model.stemmedWordsPass(page);
        }
        int n = page.size();
        double[][] out = new double[n][K];
        double[] sums = new double[wordWeights.width];
        double[] posterior = stemmedWords.posterior();
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        for (int i = 0; i < n; i++) {
            page.stemmedWordRow(i, row);
            wordWeights.sumThenPart(row, 0, row.wordsTo(), row.stemsFrom(), row.size(), words.scored, sums);
            finish(stemmedWords, sums, words.scored, model.stemmedWordsClasses(), posterior, out[i]);
        }
        return out;
    }

    public Prediction[] predict(PageFeatures page) {
        // with the words-only scorer's weights laid out, the stemmed one's are beside them whenever the model has one
        if (weights != null && wordWeights != null) {
            double[][][] passes = linearPasses(page);
            return LabelModel.predict(passes[0], passes[1], passes[2], model.unitWords(), page, contextPass, fineContextPass, model.outputWeights());
        }
        return LabelModel.predict(firstPass(page), wordsPass(page), stemmedWordsPass(page), model.unitWords(), page, contextPass, fineContextPass,
                model.outputWeights());
    }

    /**
     * One logistic regression's shape: a multinomial one, or a binomial one (the two-stage model's
     * editorial decision), whose single score is the second class's.
     */
    private static final class LinearScorer {
        /** Scored classes: Smile's multinomial model fixes the last class's score at zero. */
        final int scored;
        final boolean binomial;
        /** Smile's, {@code [class][feature]}, the bias last. */
        final double[][] coefficients;

        private LinearScorer(double[][] coefficients, boolean binomial) {
            this.binomial = binomial;
            this.coefficients = coefficients;
            this.scored = coefficients.length;
        }

        static LinearScorer of(SparseLogisticRegression model) {
            if (model instanceof SparseLogisticRegression.Multinomial multinomial) {
                return new LinearScorer(multinomial.coefficients(), false);
            }
            if (model instanceof SparseLogisticRegression.Binomial binomial) {
                return new LinearScorer(new double[][] {binomial.coefficients()}, true);
            }
            return null;
        }

        double[] posterior() {
            return new double[scored + 1];
        }

        /** The class probabilities from this model's sums, which start at {@code from}. */
        void finish(double[] sums, int from, double[] posterior) {
            if (binomial) {
                double p = 1.0 / (1.0 + Math.exp(-sums[from]));
                posterior[0] = 1 - p;
                posterior[1] = p;
                return;
            }
            System.arraycopy(sums, from, posterior, 0, scored);
            posterior[scored] = 0;
            MathEx.softmax(posterior);
        }
    }

    /**
     * The weights of one or more logistic regressions over the same rows, feature by feature and
     * side by side ({@code weights[feature * width + slot]}): a row entry reads one cache line
     * for every class of both stages, where separate tables cost a miss each. Each class's sum
     * adds the bias, then each entry in the row's order, as Smile does.
     */
    private static final class WeightTable {
        final int width;
        private final double[] weights;
        private final double[] bias;

        WeightTable(LinearScorer... scorers) {
            int w = 0;
            for (LinearScorer s : scorers) {
                w += s.scored;
            }
            width = w;
            int features = scorers[0].coefficients[0].length - 1;
            weights = new double[features * width];
            bias = new double[width];
            int slot = 0;
            for (LinearScorer s : scorers) {
                for (int c = 0; c < s.scored; c++, slot++) {
                    double[] of = s.coefficients[c];
                    if (of.length - 1 != features) {
                        throw new IllegalArgumentException("the stages were trained on different feature spaces");
                    }
                    for (int f = 0; f < features; f++) {
                        weights[f * width + slot] = of[f];
                    }
                    bias[slot] = of[features];
                }
            }
        }

        /** The sums over the row's entries {@code from} to {@code to}, exclusive. */
        void sum(PageFeatures.RowBuffer row, int from, int to, double[] sums) {
            sum(row, from, to, to, to, sums);
        }

        /** The sums over the row's entries {@code from} to {@code to}, then {@code thenFrom} to {@code thenTo}. */
        void sum(PageFeatures.RowBuffer row, int from, int to, int thenFrom, int thenTo, double[] sums) {
            int[] indices = row.indices();
            double[] values = row.values();
            if (width == 4) {
                // a five-class model, or a binary first stage beside a four-class second: four sums kept in registers
                double s0 = bias[0];
                double s1 = bias[1];
                double s2 = bias[2];
                double s3 = bias[3];
                for (int run = 0; run < 2; run++) {
                    int end = run == 0 ? to : thenTo;
                    for (int e = run == 0 ? from : thenFrom; e < end; e++) {
                        int at = indices[e] * 4;
                        double v = values[e];
                        s0 += v * weights[at];
                        s1 += v * weights[at + 1];
                        s2 += v * weights[at + 2];
                        s3 += v * weights[at + 3];
                    }
                }
                sums[0] = s0;
                sums[1] = s1;
                sums[2] = s2;
                sums[3] = s3;
                return;
            }
            System.arraycopy(bias, 0, sums, 0, width);
            add(indices, values, from, to, 0, sums);
            add(indices, values, thenFrom, thenTo, 0, sums);
        }

        /**
         * The sums of every slot over the entries {@code from} to {@code to}, and of the slots from
         * {@code part} on over {@code thenFrom} to {@code thenTo}: two scorers side by side, the
         * second of which alone reads the second run (the stems).
         */
        void sumThenPart(PageFeatures.RowBuffer row, int from, int to, int thenFrom, int thenTo, int part, double[] sums) {
            int[] indices = row.indices();
            double[] values = row.values();
            if (width == 8 && part == 4) {
                // two five-class scorers: eight sums kept in registers over the words, four over the stems
                double s0 = bias[0];
                double s1 = bias[1];
                double s2 = bias[2];
                double s3 = bias[3];
                double s4 = bias[4];
                double s5 = bias[5];
                double s6 = bias[6];
                double s7 = bias[7];
                for (int e = from; e < to; e++) {
                    int at = indices[e] * 8;
                    double v = values[e];
                    s0 += v * weights[at];
                    s1 += v * weights[at + 1];
                    s2 += v * weights[at + 2];
                    s3 += v * weights[at + 3];
                    s4 += v * weights[at + 4];
                    s5 += v * weights[at + 5];
                    s6 += v * weights[at + 6];
                    s7 += v * weights[at + 7];
                }
                for (int e = thenFrom; e < thenTo; e++) {
                    int at = indices[e] * 8;
                    double v = values[e];
                    s4 += v * weights[at + 4];
                    s5 += v * weights[at + 5];
                    s6 += v * weights[at + 6];
                    s7 += v * weights[at + 7];
                }
                sums[0] = s0;
                sums[1] = s1;
                sums[2] = s2;
                sums[3] = s3;
                sums[4] = s4;
                sums[5] = s5;
                sums[6] = s6;
                sums[7] = s7;
                return;
            }
            System.arraycopy(bias, 0, sums, 0, width);
            add(indices, values, from, to, 0, sums);
            add(indices, values, thenFrom, thenTo, part, sums);
        }

        /** Adds the entries {@code from} to {@code to} to the sums of the slots from {@code firstSlot} on. */
        private void add(int[] indices, double[] values, int from, int to, int firstSlot, double[] sums) {
            for (int e = from; e < to; e++) {
                int at = indices[e] * width;
                for (int c = firstSlot; c < width; c++) {
                    sums[c] += values[e] * weights[at + c];
                }
            }
        }
    }
}
