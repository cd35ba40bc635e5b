package dev.winnow.train;

import dev.winnow.core.model.PaywalledAt;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Every number that shapes the model. The defaults are the settings chosen on the dev split;
 * {@code model/README.md} records the measurements behind them.
 *
 * @param lambda       L2 penalty of the first pass's logistic regression
 * @param maxIter      L-BFGS iterations of the first pass
 * @param context      the context-pass learner: {@code gbt}, {@code logit} or {@code none}
 * @param trees        boosting iterations of the context pass
 * @param maxDepth     depth of each context tree
 * @param shrinkage    learning rate of the boosting
 * @param folds        folds (by site) for the out-of-fold first-pass scores the context pass learns from
 * @param rareRepeat   how many times each paywall and donation row is repeated in training
 * @param textShare    share of pages also trained in text mode (one block per line, no DOM)
 * @param perPageCap   at most this many editorial and this many boilerplate blocks per page train the first pass
 * @param contextCap   the same bound for the context pass, whose trees cost more per row
 * @param reviewedRepeat how many times each editorial or boilerplate row a person labelled is repeated
 *                     (those rows are always trained on, above the caps); the alignment's rows count once
 * @param stages       1: one classifier per pass over the five labels; 2: the editorial decision learnt
 *                     from every labelled block, the other four labels only from blocks people read
 * @param seed         the seed of every random choice
 * @param fineAlignedCap how many of a page's blocks that only the alignment calls boilerplate also
 *                     teach the second stages (the same draw as the caps above, so a subset of those
 *                     rows): menus and footers, which people seldom read, so that the second stages
 *                     know them; the audit found 16 % of such blocks are promos, a small cost
 * @param outputWeights per label, the weight of its share of the non-editorial probability in the
 *                     answer (editorial's entry unused; null: none), chosen on dev by {@code calibrate}
 * @param paywalledAt  the paywall probability from which a notice beside the article makes a page {@code paywalled},
 *                     for HTML and for plain text, chosen on dev by {@code calibrate}
 * @param fineLambda   L2 penalty of the second stage's logistic regression, which learns from about a
 *                     fifth of the first stage's rows, so the same penalty weighs more on it
 * @param fineDense    whether the second stage also learns from the dense measures (length, position,
 *                     link density, where the article is); without them it must tell a promo, a
 *                     paywall notice, an appeal and site furniture apart by words, tags and class words
 * @param wordsPass    whether a third logistic regression, over each block's own words only, scores
 *                     every block for the context pass to read beside the first pass's scores
 * @param longDrawn    whether the alignment's boilerplate blocks within the caps are drawn with odds
 *                     that grow with the square root of their words: main text is scored in words, and
 *                     a uniform draw mostly takes one-word menu lines, seldom the comments and teasers
 *                     whose many words cost precision
 * @param promoRepeat  how many times each promo row is repeated: promo is the commonest rare label,
 *                     and the site-wide rule multiplies what people read of it, so it may need less
 *                     weight than paywall notices and appeals
 * @param fineAlignedMenus whether the alignment's boilerplate blocks that teach the second stages
 *                     ({@code fineAlignedCap}) are only those under a nav, header or footer: the menus
 *                     the second stages call paywall or promo, without the teasers and boxes beside
 *                     the article where the alignment's "boilerplate" hides most of its promos
 * @param hardNegativeRepeat how many times each hard negative (article text a person read that talks
 *                     about subscriptions, donations or ads) is repeated; 0: as {@code reviewedRepeat}
 * @param commentCap   how many of a page's blocks that the alignment calls boilerplate and that stand in a
 *                     comment section with ten words or more are drawn beyond {@code perPageCap}: reader
 *                     comments are long prose that costs main-text precision, and a uniform draw of a
 *                     page's boilerplate mostly takes its one-word menu lines
 * @param wordsCap     the per-page draw of the editorial rows the words-only scorer learns from; 0: as
 *                     {@code perPageCap}. A larger first-stage draw need not shift that scorer's balance
 *                     between editorial text and the rare labels' rows, which are all taken
 * @param wordsHardNegativeRepeat how many times each hard negative is repeated for the words-only scorer
 *                     that reads word stems (with {@code stemmedWordsPass} the second one); 0: as
 *                     {@code hardNegativeRepeat}. Stems give article text about subscriptions the
 *                     features of a subscription notice
 * @param contextHardNegativeRepeat how many times each hard negative is repeated for the context pass;
 *                     0: as {@code hardNegativeRepeat}. The context pass reads the words-only scorer's
 *                     scores, so it may need that scorer's count while the first pass keeps its own
 * @param stemmedWordsPass whether the stems go to a second words-only scorer, read by the context
 *                     pass's second stage alone, while the first words-only scorer reads words alone
 *                     and counts hard negatives as the first pass does: stems then name a dropped
 *                     block but never decide whether a block is kept
 * @param secondStageRareRepeat how many times each paywall and donation row is repeated where only the
 *                     context pass's second stage learns from it (its own rows, and the stemmed
 *                     words-only scorer it alone reads); 0: as {@code rareRepeat}. Everything the
 *                     first stage reads keeps {@code rareRepeat}, so what is kept cannot move: counting
 *                     them more everywhere gained paywall but cost article text about money (model card)
 * @param secondStageDonationRepeat donation's own count where the context pass's second stage alone learns;
 *                     0: as {@code secondStageRareRepeat}. The two labels compete there: counting donation
 *                     less than paywall cost donation more than it gave paywall (model card)
 * @param unitWords    whether the context pass's second stage also reads what the block's unit says:
 *                     the stemmed scorer's mean and maximum over the run of non-editorial blocks
 *                     around it (with {@code stemmedWordsPass} and two stages only), so that an
 *                     appeal's heading or button is named by the paragraph beside it
 */
public record TrainingSettings(double lambda, int maxIter, String context, int trees, int maxDepth, double shrinkage,
                               int folds, int rareRepeat, double textShare, int perPageCap, int contextCap, int reviewedRepeat, int stages, long seed,
                               int fineAlignedCap, double[] outputWeights, PaywalledAt paywalledAt, double fineLambda, boolean fineDense,
                               boolean wordsPass, boolean longDrawn, int promoRepeat, boolean fineAlignedMenus,
                               int hardNegativeRepeat, int commentCap, int wordsCap, int wordsHardNegativeRepeat, int contextHardNegativeRepeat,
                               boolean stemmedWordsPass, int secondStageRareRepeat, int secondStageDonationRepeat, boolean unitWords) {

    /**
     * Chosen on dev with {@code calibrate} for the model trained with the settings below: no weights,
     * since the grid's did not hold on dev sites they were not chosen on (model/README.md, "Output
     * weights that do not hold on other sites").
     */
    static final double[] CALIBRATION = {1.0, 1.0, 1.0, 1.0, 1.0};
    /**
     * {@code calibrate}'s choice for that model, HTML's and plain text's, since a notice gates a page
     * only beside the article ({@code GateVerdict}) and each kind of input has its own threshold.
     */
    static final PaywalledAt PAYWALLED_AT = new PaywalledAt(0.90, 0.95);

    public static final TrainingSettings DEFAULT = new TrainingSettings(2.0, 60, "gbt", 40, 5, 0.15, 3, 4, 1.0, 24, 10, 3, 2, 20261203L, 12, CALIBRATION, PAYWALLED_AT, 2.0, true, true, false, 4, true, 6, 8, 12, 12, 0, true, 8, 0, true);

    private static final String FIRST_PASS = "; first pass: ";
    private static final String OUTPUT_WEIGHTS = "; output weights ";

    public String describe() {
        String rows = contextCap == perPageCap
                ? String.format(Locale.ROOT, "at most %d editorial and %d boilerplate blocks per page", perPageCap, perPageCap)
                : String.format(Locale.ROOT, "at most %d editorial and %d boilerplate blocks per page (%d for the context pass)",
                        perPageCap, perPageCap, contextCap);
        return String.format(Locale.ROOT,
                "%s%s%s" + FIRST_PASS + "sparse multinomial logistic regression, lambda=%s, maxIter=%d; context pass: %s (trees=%d, maxDepth=%d, shrinkage=%s), %d folds; rare classes x%d; text-mode share %.2f; %s; person-labelled editorial and boilerplate x%d; seed %d",
                stages == 2 ? "two stages (editorial from all labelled blocks, the other labels from people's only)" : "one stage",
                (stages == 2 && fineAlignedCap > 0 ? String.format(Locale.ROOT, " (and %d of the alignment's boilerplate blocks per page%s)", fineAlignedCap,
                        fineAlignedMenus ? ", of those under a nav, header or footer" : "") : "")
                        + (stages == 2 && !fineDense ? " (the second stage without the dense measures)" : "")
                        + (wordsPass ? "; a words-only scorer read by the context pass" : "")
                        + (wordsPass && stemmedWordsPass ? "; its stems in a second words-only scorer read by the context pass's second stage alone" : "")
                        + (readsUnitWords() ? ", with its mean and maximum over the block's unit" : "")
                        + (longDrawn ? "; the alignment's boilerplate drawn by the square root of its words" : "")
                        + (promoRepeat != rareRepeat ? String.format(Locale.ROOT, "; promo x%d", promoRepeat) : "")
                        + (hardNegativeRepeat > 0 && hardNegativeRepeat != reviewedRepeat ? String.format(Locale.ROOT, "; hard negatives x%d", hardNegativeRepeat) : "")
                        + (commentCap > 0 ? String.format(Locale.ROOT, "; up to %d more of the alignment's boilerplate per page from comment sections", commentCap) : "")
                        + (wordsCap > 0 && wordsCap != perPageCap ? String.format(Locale.ROOT, "; the words-only scorer's draw %d per page", wordsCap) : "")
                        + (wordsHardNegatives() != hardNegativeRepeat ? String.format(Locale.ROOT, "; the stemmed words-only scorer's hard negatives x%d", wordsHardNegatives()) : "")
                        + (contextHardNegatives() != hardNegativeRepeat ? String.format(Locale.ROOT, "; the context pass's hard negatives x%d", contextHardNegatives()) : "")
                        + secondStagePart(),
                calibrationPart(outputWeights, paywalledAt),
                fineLambda == lambda ? lambda : lambda + " (second stage " + fineLambda + ")", maxIter, context, trees, maxDepth, shrinkage, folds, rareRepeat, textShare, rows, reviewedRepeat, seed);
    }

    /** Said only when the second stage counts a rare label otherwise than the first, so older models' lines stay as they were. */
    private String secondStagePart() {
        RareRepeats second = secondStageRare();
        if (second.equals(firstStageRare())) {
            return "";
        }
        return second.paywall() == second.donation()
                ? String.format(Locale.ROOT, "; paywall and donation rows x%d where the context pass's second stage alone learns", second.paywall())
                : String.format(Locale.ROOT, "; paywall rows x%d and donation rows x%d where the context pass's second stage alone learns",
                        second.paywall(), second.donation());
    }

    /** A model with one threshold for both kinds of input is described as the models before them were. */
    private static String calibrationPart(double[] outputWeights, PaywalledAt paywalledAt) {
        if (outputWeights == null) {
            return "";
        }
        String text = paywalledAt.text() == paywalledAt.html() ? "" : String.format(Locale.ROOT, " (plain text from p %.2f)", paywalledAt.text());
        return String.format(Locale.ROOT, OUTPUT_WEIGHTS + "%s, paywalled from p %.2f%s", Arrays.toString(outputWeights), paywalledAt.html(), text);
    }

    /**
     * The description {@code train} wrote for a model, with another calibration in place of its own:
     * {@code calibrate} reads a model, not the flags it was trained with, so describing its own
     * flags would misdescribe a model trained with any but the defaults.
     */
    static String recalibrated(String description, double[] outputWeights, PaywalledAt paywalledAt) {
        String described = description == null ? "" : description;
        int firstPass = described.indexOf(FIRST_PASS);
        if (firstPass < 0) {
            return described + calibrationPart(outputWeights, paywalledAt);
        }
        int weights = described.lastIndexOf(OUTPUT_WEIGHTS, firstPass);
        return described.substring(0, weights >= 0 ? weights : firstPass) + calibrationPart(outputWeights, paywalledAt)
                + described.substring(firstPass);
    }

    public TrainingSettings withLambda(double l) {
        return with(b -> b.lambda = l);
    }

    public TrainingSettings withContext(String c) {
        return with(b -> b.context = c);
    }

    public TrainingSettings withTrees(int t, int depth) {
        return with(b -> {
            b.trees = t;
            b.maxDepth = depth;
        });
    }

    public TrainingSettings withFolds(int n) {
        return with(b -> b.folds = atLeast("--folds", 2, n,
                "the context pass learns from scores of pages each fold scorer has not trained on"));
    }

    public TrainingSettings withMaxIter(int m) {
        return with(b -> b.maxIter = m);
    }

    public TrainingSettings withPerPageCap(int cap) {
        return with(b -> b.perPageCap = cap);
    }

    public TrainingSettings withReviewedRepeat(int r) {
        return with(b -> b.reviewedRepeat = r);
    }

    public TrainingSettings withStages(int n) {
        return with(b -> b.stages = n);
    }

    public TrainingSettings withFineAlignedCap(int cap) {
        return with(b -> b.fineAlignedCap = cap);
    }

    public TrainingSettings withCalibration(double[] weights, PaywalledAt paywalled) {
        return with(b -> {
            b.outputWeights = weights;
            b.paywalledAt = paywalled;
        });
    }

    public TrainingSettings withFineLambda(double l) {
        return with(b -> b.fineLambda = l);
    }

    public TrainingSettings withFineDense(boolean dense) {
        return with(b -> b.fineDense = dense);
    }

    public TrainingSettings withWordsPass(boolean words) {
        return with(b -> b.wordsPass = words);
    }

    public TrainingSettings withLongDrawn(boolean l) {
        return with(b -> b.longDrawn = l);
    }

    public TrainingSettings withRareRepeat(int r) {
        return with(b -> b.rareRepeat = atLeast("--rare-repeat", 1, r, COUNTED));
    }

    public TrainingSettings withSecondStageRareRepeat(int r) {
        return with(b -> b.secondStageRareRepeat = atLeast("--second-stage-rare-repeat", 0, r, "0 counts them as --rare-repeat says"));
    }

    public TrainingSettings withSecondStageDonationRepeat(int r) {
        return with(b -> b.secondStageDonationRepeat = atLeast("--second-stage-donation-repeat", 0, r, "0 counts them as --second-stage-rare-repeat says"));
    }

    /** How many times a paywall and a donation row count in a pass. */
    record RareRepeats(int paywall, int donation) {
    }

    /** The counts of everything the context pass's first stage reads, which decides what is kept. */
    RareRepeats firstStageRare() {
        return new RareRepeats(rareRepeat, rareRepeat);
    }

    /** The counts where only the context pass's second stage learns: its own settings, or when unset (0) the first stage's. */
    RareRepeats secondStageRare() {
        int both = orWhenUnset(secondStageRareRepeat, rareRepeat);
        return new RareRepeats(both, orWhenUnset(secondStageDonationRepeat, both));
    }

    public TrainingSettings withPromoRepeat(int r) {
        return with(b -> b.promoRepeat = atLeast("--promo-repeat", 1, r, COUNTED));
    }

    /** Why a label's rows may not count fewer than once: the model would be left without that label, silently. */
    private static final String COUNTED = "each row of the label is counted that many times";

    /** A setting below its least sensible value is refused with the flag that sets it and why. */
    private static int atLeast(String flag, int least, int value, String why) {
        if (value < least) {
            throw new IllegalStateException(flag + " takes " + least + " or more: " + why + "; not " + value);
        }
        return value;
    }

    public TrainingSettings withHardNegativeRepeat(int r) {
        return with(b -> b.hardNegativeRepeat = r);
    }

    public TrainingSettings withSeed(long seed) {
        return with(b -> b.seed = seed);
    }

    public TrainingSettings withCommentCap(int cap) {
        return with(b -> b.commentCap = cap);
    }

    public TrainingSettings withWordsCap(int cap) {
        return with(b -> b.wordsCap = cap);
    }

    public TrainingSettings withWordsHardNegativeRepeat(int r) {
        return with(b -> b.wordsHardNegativeRepeat = r);
    }

    /** How many times the words-only scorer that reads stems counts a hard negative: {@code wordsHardNegativeRepeat}, or when unset {@code hardNegativeRepeat}. */
    int wordsHardNegatives() {
        return orWhenUnset(wordsHardNegativeRepeat, hardNegativeRepeat);
    }

    public TrainingSettings withStemmedWordsPass(boolean stemmed) {
        return with(b -> b.stemmedWordsPass = stemmed);
    }

    /** Whether the trained model reads what a block's unit says: only from the stemmed scorer, and only in a second stage. */
    boolean readsUnitWords() {
        return unitWords && wordsPass && stemmedWordsPass && stages == 2;
    }

    public TrainingSettings withUnitWords(boolean unit) {
        return with(b -> b.unitWords = unit);
    }

    public TrainingSettings withContextHardNegativeRepeat(int r) {
        return with(b -> b.contextHardNegativeRepeat = r);
    }

    /** How many times the context pass counts a hard negative: {@code contextHardNegativeRepeat}, or when unset {@code hardNegativeRepeat}. */
    int contextHardNegatives() {
        return orWhenUnset(contextHardNegativeRepeat, hardNegativeRepeat);
    }

    /** A pass's own setting, or when unset (0) the one it defers to: the one reading of every "0: as …" above. */
    private static int orWhenUnset(int own, int fallback) {
        return own > 0 ? own : fallback;
    }

    /** The per-page draw of the words-only scorer's editorial rows. */
    int wordsDraw() {
        return orWhenUnset(wordsCap, perPageCap);
    }

    public TrainingSettings withFineAlignedMenus(boolean menus) {
        return with(b -> b.fineAlignedMenus = menus);
    }

    /** A copy with some settings changed: the one place besides the record header that lists them all. */
    private TrainingSettings with(Consumer<Copy> change) {
        Copy b = new Copy(this);
        change.accept(b);
        return new TrainingSettings(b.lambda, b.maxIter, b.context, b.trees, b.maxDepth, b.shrinkage, b.folds, b.rareRepeat, b.textShare,
                b.perPageCap, b.contextCap, b.reviewedRepeat, b.stages, b.seed, b.fineAlignedCap, b.outputWeights, b.paywalledAt,
                b.fineLambda, b.fineDense, b.wordsPass, b.longDrawn, b.promoRepeat, b.fineAlignedMenus, b.hardNegativeRepeat, b.commentCap, b.wordsCap,
                b.wordsHardNegativeRepeat, b.contextHardNegativeRepeat, b.stemmedWordsPass, b.secondStageRareRepeat, b.secondStageDonationRepeat, b.unitWords);
    }

    private static final class Copy {
        double lambda;
        int maxIter;
        String context;
        int trees;
        int maxDepth;
        double shrinkage;
        int folds;
        int rareRepeat;
        double textShare;
        int perPageCap;
        int contextCap;
        int reviewedRepeat;
        int stages;
        long seed;
        int fineAlignedCap;
        double[] outputWeights;
        PaywalledAt paywalledAt;
        double fineLambda;
        boolean fineDense;
        boolean wordsPass;
        boolean longDrawn;
        int promoRepeat;
        boolean fineAlignedMenus;
        int hardNegativeRepeat;
        int commentCap;
        int wordsCap;
        int wordsHardNegativeRepeat;
        boolean stemmedWordsPass;
        boolean unitWords;
        int contextHardNegativeRepeat;
        int secondStageRareRepeat;
        int secondStageDonationRepeat;

        Copy(TrainingSettings s) {
            lambda = s.lambda;
            maxIter = s.maxIter;
            context = s.context;
            trees = s.trees;
            maxDepth = s.maxDepth;
            shrinkage = s.shrinkage;
            folds = s.folds;
            rareRepeat = s.rareRepeat;
            textShare = s.textShare;
            perPageCap = s.perPageCap;
            contextCap = s.contextCap;
            reviewedRepeat = s.reviewedRepeat;
            stages = s.stages;
            seed = s.seed;
            fineAlignedCap = s.fineAlignedCap;
            outputWeights = s.outputWeights;
            paywalledAt = s.paywalledAt;
            fineLambda = s.fineLambda;
            fineDense = s.fineDense;
            wordsPass = s.wordsPass;
            longDrawn = s.longDrawn;
            promoRepeat = s.promoRepeat;
            fineAlignedMenus = s.fineAlignedMenus;
            hardNegativeRepeat = s.hardNegativeRepeat;
            commentCap = s.commentCap;
            wordsCap = s.wordsCap;
            wordsHardNegativeRepeat = s.wordsHardNegativeRepeat;
            stemmedWordsPass = s.stemmedWordsPass;
            unitWords = s.unitWords;
            contextHardNegativeRepeat = s.contextHardNegativeRepeat;
            secondStageRareRepeat = s.secondStageRareRepeat;
            secondStageDonationRepeat = s.secondStageDonationRepeat;
        }
    }
}
