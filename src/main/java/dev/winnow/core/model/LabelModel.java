package dev.winnow.core.model;

import dev.winnow.core.Input;
import dev.winnow.core.Label;
import dev.winnow.core.features.PageFeatures;
import java.io.Serializable;
import java.util.Map;
import java.util.function.IntFunction;
import smile.classification.SparseLogisticRegression;
import smile.util.SparseArray;

/**
 * The trained model, in two stages at each of its two passes. The first stage decides whether a
 * block is editorial and learns from every labelled block, the gold alignment's included; the
 * second decides which of the four other labels a non-editorial block gets and learns only from
 * blocks people read, since the alignment cannot tell a promo or an appeal from boilerplate. A
 * first pass labels each block from its own and its neighbours' features, then a context pass
 * relabels it from the first pass's scores around it. Immutable and thread-safe; load it once and
 * share it.
 *
 * @param id              content hash of the model, recorded in the model card
 * @param featureBits     the hashed feature space it was trained for
 * @param firstPass       Smile's sparse multinomial logistic regression; its editorial probability is the first stage
 * @param firstClasses    the label ordinal of each of the first pass's class slots
 * @param fineFirstPass   the second stage of the first pass, over the non-editorial labels; null for a one-stage model
 * @param fineClasses     the label ordinal of each of its class slots
 * @param contextPass     the second pass; null for a first-pass-only model
 * @param fineContextPass the second stage of the context pass; null for a one-stage model
 * @param card            training facts for the model card (corpus, settings, figures)
 * @param outputWeights   per label, how the non-editorial labels' shares of the final answer are
 *                        weighted (editorial's entry unused): the second stages learn from people's
 *                        blocks, where promos and appeals are far commoner than on a page, and these
 *                        weights, chosen on the dev split, put the page's odds back; null for none
 * @param paywalledAt     the paywall probability from which a paywall block beside the article
 *                        makes the page {@code paywalled}, for HTML and for plain text (chosen on
 *                        dev for precision, each on the pages read in its form)
 * @param wordsPass       a logistic regression over the block's own words only, whose scores the
 *                        context pass reads beside the first pass's: the first pass weighs layout
 *                        (short, linked, in a menu) far above words, and an appeal or a gate is
 *                        known by what it says wherever it stands; null for none
 * @param wordsClasses    the label ordinal of each of its class slots
 * @param stemmedWordsPass a second words-only scorer that also reads the block's word stems, whose
 *                        scores only the context pass's second stage reads: stems tell a
 *                        "Spende" from a "spenden" no training page used, but joined to article
 *                        words they cost the editorial decision precision, so they may name a
 *                        dropped block and never decide whether it is kept; null for none (then
 *                        the words-only scorer reads the stems, if any)
 * @param stemmedWordsClasses the label ordinal of each of its class slots
 * @param unitWords       whether the context pass's second stage also reads what the block's unit
 *                        says ({@link ContextFeatures#UNIT}: the stemmed scorer's mean and maximum
 *                        over the run of non-editorial blocks around it): an appeal's heading or
 *                        button says little by itself. False in a model written before it existed
 */
public record LabelModel(
        String id,
        int featureBits,
        SparseLogisticRegression firstPass,
        int[] firstClasses,
        SparseLogisticRegression fineFirstPass,
        int[] fineClasses,
        ContextModel contextPass,
        ContextModel fineContextPass,
        Map<String, String> card,
        double[] outputWeights,
        PaywalledAt paywalledAt,
        SparseLogisticRegression wordsPass,
        int[] wordsClasses,
        SparseLogisticRegression stemmedWordsPass,
        int[] stemmedWordsClasses,
        boolean unitWords) implements Serializable {

    /** 3: rows hold word stems, which a model of version 2 never read, so such a model is refused rather than misread. */
    private static final long serialVersionUID = 3L;
    private static final int K = Label.values().length;
    private static final int EDITORIAL = Label.EDITORIAL.ordinal();

    /** The first-pass probabilities of every block, indexed [block][label ordinal]. */
    public double[][] firstPass(PageFeatures page) {
        int n = page.size();
        double[][] first = new double[n][K];
        double[] posterior = new double[firstClasses.length];
        double[] finePosterior = fineFirstPass == null ? null : new double[fineClasses.length];
        double[] fine = new double[K];
        for (int i = 0; i < n; i++) {
            var row = page.row(i);
            firstPass.predict(row, posterior);
            ClassIndex.toLabels(firstClasses, posterior, first[i]);
            if (finePosterior != null) {
                fineFirstPass.predict(row, finePosterior);
                ClassIndex.toLabels(fineClasses, finePosterior, fine);
                combine(first[i], fine);
            }
        }
        return first;
    }

    /** The words-only scorer's probabilities of every block, [block][label ordinal]; null without one. */
    public double[][] wordsPass(PageFeatures page) {
        return scores(wordsPass, wordsClasses, page, wordsPassReadsStems() ? page::stemmedWordRow : page::wordRow);
    }

    /**
     * Whether the words-only scorer reads the block's stems too: it does when no stemmed scorer
     * holds them (the models of the stems patches). Serving asks the same question here.
     */
    public boolean wordsPassReadsStems() {
        return stemmedWordsPass == null;
    }

    /** The stemmed words-only scorer's probabilities of every block, [block][label ordinal]; null without one. */
    public double[][] stemmedWordsPass(PageFeatures page) {
        return scores(stemmedWordsPass, stemmedWordsClasses, page, page::stemmedWordRow);
    }

    private static double[][] scores(SparseLogisticRegression scorer, int[] classes, PageFeatures page, IntFunction<SparseArray> row) {
        if (scorer == null) {
            return null;
        }
        double[][] out = new double[page.size()][K];
        double[] posterior = new double[classes.length];
        for (int i = 0; i < out.length; i++) {
            scorer.predict(row.apply(i), posterior);
            ClassIndex.toLabels(classes, posterior, out[i]);
        }
        return out;
    }

    public Prediction[] predict(PageFeatures page) {
        return predict(firstPass(page), wordsPass(page), stemmedWordsPass(page), unitWords, page, contextPass, fineContextPass, outputWeights);
    }

    /**
     * Whether a block's prediction, on input of that {@code kind}, is a paywall notice sure enough
     * to gate its page: the page is {@code paywalled} when such a block stands beside the article
     * ({@code GateVerdict}).
     */
    public boolean gates(Prediction prediction, Input.Kind kind) {
        return gates(prediction.label().ordinal(), prediction.probabilities(), paywalledAt.of(kind));
    }

    /**
     * The same for a block {@link #decide decided} as {@code label} (an ordinal) with probabilities
     * {@code p}, from the paywall probability {@code at}: what {@code calibrate} tries thresholds with.
     */
    public static boolean gates(int label, double[] p, double at) {
        return label == Label.PAYWALL.ordinal() && p[Label.PAYWALL.ordinal()] >= at;
    }

    /** This model with the output weights and the paywalled threshold set, under {@code id}. */
    public LabelModel withCalibration(String id, double[] weights, PaywalledAt paywalled) {
        return new LabelModel(id, featureBits, firstPass, firstClasses, fineFirstPass, fineClasses, contextPass, fineContextPass, card,
                weights, paywalled, wordsPass, wordsClasses, stemmedWordsPass, stemmedWordsClasses, unitWords);
    }

    /**
     * The labels of every block given the first pass's probabilities ({@link #firstPass}), the
     * words-only scorer's ({@link #wordsPass}, null: none), the stemmed one's ({@link #stemmedWordsPass},
     * null: none), whether the second stage reads what a block's unit says ({@code unitWords}), and a
     * context pass (null: none) with its second stage (null: a one-stage model), the non-editorial
     * shares weighted by {@code weights} (null: as they are).
     */
    static Prediction[] predict(double[][] first, double[][] words, double[][] stemmedWords, boolean unitWords, PageFeatures page, ContextModel contextPass,
                                ContextModel fineContextPass, double[] weights) {
        Prediction[] out = new Prediction[page.size()];
        ContextFeatures context = contextPass == null ? null : ContextFeatures.of(first, words, stemmedWords, unitWords, page);
        double[] fine = fineContextPass == null ? null : new double[K];
        for (int i = 0; i < out.length; i++) {
            double[] p = new double[K];
            if (context == null) {
                System.arraycopy(first[i], 0, p, 0, K);
            } else {
                double[] row = context.row(i);
                contextPass.predict(row, p);
                if (fine != null) {
                    fineContextPass.predict(row, fine);
                    combine(p, fine);
                }
            }
            reweight(p, weights);
            out[i] = new Prediction(Label.values()[decide(p)], p);
        }
        return out;
    }

    /**
     * Keeps the first stage's editorial probability and shares the rest out by the second
     * stage's, so the five still add up to one.
     */
    static void combine(double[] stageOne, double[] fine) {
        double rest = 1 - stageOne[EDITORIAL];
        for (int k = 0; k < K; k++) {
            if (k != EDITORIAL) {
                stageOne[k] = rest * fine[k];
            }
        }
    }

    /**
     * Shares the non-editorial probability out again in proportion to {@code weights} × each
     * label's share; the editorial probability, and so whether a block is kept, stays as it is.
     */
    public static void reweight(double[] p, double[] weights) {
        if (weights == null) {
            return;
        }
        double rest = 1 - p[EDITORIAL];
        double sum = 0;
        for (int k = 0; k < K; k++) {
            if (k != EDITORIAL) {
                sum += weights[k] * p[k];
            }
        }
        if (sum <= 0) {
            return;
        }
        for (int k = 0; k < K; k++) {
            if (k != EDITORIAL) {
                p[k] = rest * weights[k] * p[k] / sum;
            }
        }
    }

    /**
     * Editorial when it is more likely than not, else the likeliest other label: the two stages
     * decide in turn, so a block that is probably not editorial is never kept because the other
     * four labels split its probability between them.
     */
    public static int decide(double[] p) {
        if (p[EDITORIAL] >= 0.5) {
            return EDITORIAL;
        }
        int best = -1;
        for (int k = 0; k < p.length; k++) {
            if (k != EDITORIAL && (best < 0 || p[k] > p[best])) {
                best = k;
            }
        }
        return best;
    }
}
