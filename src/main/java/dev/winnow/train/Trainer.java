package dev.winnow.train;

import dev.winnow.core.Label;
import dev.winnow.core.features.PageFeatures;
import dev.winnow.core.model.ContextFeatures;
import dev.winnow.core.model.ContextModel;
import dev.winnow.core.model.LabelModel;
import dev.winnow.core.model.LinearContextModel;
import dev.winnow.core.model.PaywalledAt;
import dev.winnow.core.model.TreeContextModel;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.DomContext;
import dev.winnow.core.segment.Landmark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.SparseLogisticRegression;
import smile.data.DataFrame;
import smile.data.SparseDataset;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.util.SparseArray;

/**
 * Trains the two-pass model from labelled pages with the very segmenter and features that serve.
 * The context pass learns from out-of-fold first-pass scores, so it sees the first pass as it
 * behaves on pages it never trained on.
 */
public final class Trainer {
    private static final int K = Label.values().length;

    private final TrainingSettings settings;
    private final Consumer<String> log;

    public Trainer(TrainingSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    /** One page's features, computed once and shared by every fold. */
    private record FeaturedPage(LabelledPage page, PageFeatures features, int fold) {
    }

    public LabelModel train(List<LabelledPage> pages, Map<String, String> card) {
        return trainVariants(pages, List.of(settings.context()), card).get(0);
    }

    /**
     * One model per context learner, all sharing one first pass and one set of out-of-fold
     * scores, so learners are compared on equal terms and the folds are paid for once.
     */
    public List<LabelModel> trainVariants(List<LabelledPage> pages, List<String> contexts, Map<String, String> card) {
        MathEx.setSeed(settings.seed());
        long start = System.nanoTime();
        List<FeaturedPage> featured = new ArrayList<>();
        for (LabelledPage page : pages) {
            if (page.blocks().isEmpty()) {
                continue;
            }
            featured.add(new FeaturedPage(page, PageFeatures.of(page.blocks()), Math.floorMod(page.page().domain().hashCode(), settings.folds())));
        }
        log.accept(String.format("features of %d pages in %.1f s", featured.size(), seconds(start)));

        boolean twoStage = settings.stages() == 2;
        SparseLogisticRegression firstPass = fitFirstPass(featured, -1, false);
        int[] firstClasses = firstPass.classes();
        SparseLogisticRegression finePass = twoStage ? fitFirstPass(featured, -1, true) : null;
        boolean stemmed = settings.wordsPass() && settings.stemmedWordsPass();
        TrainingSettings.RareRepeats firstStageRare = settings.firstStageRare();
        TrainingSettings.RareRepeats secondStageRare = settings.secondStageRare();
        SparseLogisticRegression wordsPass = settings.wordsPass() ? fitWordsPass(featured, -1, !stemmed, firstStageRare) : null;
        SparseLogisticRegression stemmedWordsPass = stemmed ? fitStemmedWordsPass(featured, -1) : null;
        boolean unitWords = settings.readsUnitWords();

        ContextRows all = new ContextRows();
        ContextRows fine = new ContextRows();
        if (contexts.stream().anyMatch(c -> !c.equals("none"))) {
            for (int fold = 0; fold < settings.folds(); fold++) {
                SparseLogisticRegression foldModel = fitFirstPass(featured, fold, false);
                SparseLogisticRegression foldFine = twoStage ? fitFirstPass(featured, fold, true) : null;
                SparseLogisticRegression foldWords = settings.wordsPass() ? fitWordsPass(featured, fold, !stemmed, firstStageRare) : null;
                SparseLogisticRegression foldStemmed = stemmed ? fitStemmedWordsPass(featured, fold) : null;
                LabelModel firstOnly = new LabelModel("fold", PageFeatures.BITS, foldModel, foldModel.classes(),
                        foldFine, foldFine == null ? null : foldFine.classes(), null, null, Map.of(), null, PaywalledAt.both(0),
                        foldWords, foldWords == null ? null : foldWords.classes(), foldStemmed, foldStemmed == null ? null : foldStemmed.classes(), false);
                for (FeaturedPage fp : featured) {
                    if (fp.fold() != fold) {
                        continue;
                    }
                    double[][] first = firstOnly.firstPass(fp.features());
                    Label[] labels = fp.page().labels();
                    boolean[] chosen = sample(fp.page(), settings.contextCap());
                    boolean[] aligned = alignedForFine(fp.page(), settings.contextCap());
                    ContextFeatures context = ContextFeatures.of(first, firstOnly.wordsPass(fp.features()), firstOnly.stemmedWordsPass(fp.features()), unitWords,
                            fp.features());
                    for (int i = 0; i < labels.length; i++) {
                        if (!chosen[i]) {
                            continue;
                        }
                        double[] row = context.row(i);
                        all.add(context.firstStage(row), twoStage ? editorialOrNot(labels[i]) : labels[i],
                                repeats(fp.page(), i, settings.contextHardNegatives(), firstStageRare));
                        if (twoStage && teachesFineLabels(fp.page(), i, aligned)) {
                            fine.add(row, labels[i], repeats(fp.page(), i, settings.contextHardNegatives(), secondStageRare));
                        }
                    }
                }
                log.accept(String.format("fold %d of %d done at %.1f s", fold + 1, settings.folds(), seconds(start)));
            }
        }
        List<LabelModel> models = new ArrayList<>();
        for (String learner : contexts) {
            ContextModel context = learner.equals("none") ? null : fitContext(learner, all);
            ContextModel fineContext = learner.equals("none") || !twoStage ? null : fitContext(learner, fine);
            log.accept(String.format("context pass (%s) trained at %.1f s", learner, seconds(start)));
            Map<String, String> facts = new TreeMap<>(card);
            facts.put("settings", settings.withContext(learner).describe());
            int[] fineClasses = finePass == null ? null : finePass.classes();
            LabelModel unnamed = new LabelModel("", PageFeatures.BITS, firstPass, firstClasses, finePass, fineClasses, context, fineContext, facts,
                    settings.outputWeights(), settings.paywalledAt(), wordsPass, wordsPass == null ? null : wordsPass.classes(),
                    stemmedWordsPass, stemmedWordsPass == null ? null : stemmedWordsPass.classes(), unitWords);
            models.add(unnamed.withCalibration(idOf(unnamed), settings.outputWeights(), settings.paywalledAt()));
        }
        return models;
    }

    /** Context-pass rows and their labels, each row repeated as its block counts. */
    private static final class ContextRows {
        final List<double[]> rows = new ArrayList<>();
        final List<Integer> labels = new ArrayList<>();

        void add(double[] row, Label label, int times) {
            for (int r = 0; r < times; r++) {
                rows.add(row);
                labels.add(label.ordinal());
            }
        }

        double[][] x() {
            return rows.toArray(double[][]::new);
        }

        int[] y() {
            return labels.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Whether a block teaches the second stage, which non-editorial label a block gets: a promo,
     * paywall or donation block (people's, or a hand-written unit's), or boilerplate a person
     * read. The alignment's "boilerplate" hides promos it cannot see, so it teaches only the
     * editorial decision, as do the labels their record marks {@code editorialOnly}.
     */
    static boolean teachesFineLabels(LabelledPage page, int i) {
        Label l = page.labels()[i];
        return l != null && l != Label.EDITORIAL && (l != Label.BOILERPLATE || page.reviewed()[i]) && !page.editorialOnly()[i];
    }

    /**
     * The same, and also the alignment's boilerplate blocks drawn into {@code aligned} (a few a
     * page): without them the second stages never see a menu or a footer, and call such lines
     * paywall or promo with confidence.
     */
    static boolean teachesFineLabels(LabelledPage page, int i, boolean[] aligned) {
        return teachesFineLabels(page, i) || aligned != null && aligned[i] && page.labels()[i] == Label.BOILERPLATE;
    }

    /**
     * The alignment's boilerplate blocks that also teach the second stages: the first
     * {@code fineAlignedCap} of the draw within {@code cap}, or with {@code fineAlignedMenus}
     * those of them under a nav, header or footer.
     */
    boolean[] alignedForFine(LabelledPage page, int cap) {
        boolean[] aligned = sample(page, Math.min(settings.fineAlignedCap(), cap));
        if (settings.fineAlignedMenus()) {
            for (int i = 0; i < aligned.length; i++) {
                DomContext c = page.blocks().get(i).context();
                aligned[i] &= c.has(Landmark.NAV) || c.has(Landmark.HEADER) || c.has(Landmark.FOOTER);
            }
        }
        return aligned;
    }

    /**
     * The first stage's target: editorial or not (counted as boilerplate), two classes, so the
     * boosted trees grow one tree a round instead of five.
     */
    static Label editorialOrNot(Label label) {
        return label == Label.EDITORIAL ? Label.EDITORIAL : Label.BOILERPLATE;
    }

    /** What one block teaches a linear scorer. */
    private record Example(SparseArray row, Label label) {
    }

    /**
     * Fits the first pass on every page not in {@code heldOutFold} (-1: on all pages): over all
     * five labels, or with {@code fine} its second stage, on the rows that teach the fine labels.
     */
    private SparseLogisticRegression fitFirstPass(List<FeaturedPage> featured, int heldOutFold, boolean fine) {
        return fitLinear(fine ? "first pass (fine labels)" : "first pass", featured, heldOutFold, settings.perPageCap(), fine ? settings.fineLambda() : settings.lambda(),
                settings.hardNegativeRepeat(), settings.firstStageRare(), fp -> {
            Label[] labels = fp.page().labels();
            boolean[] aligned = fine ? alignedForFine(fp.page(), settings.perPageCap()) : null;
            return i -> {
                if (fine && !teachesFineLabels(fp.page(), i, aligned)) {
                    return null;
                }
                SparseArray row = fine && !settings.fineDense() ? withoutDense(fp.features().row(i)) : fp.features().row(i);
                return new Example(row, !fine && settings.stages() == 2 ? editorialOrNot(labels[i]) : labels[i]);
            };
        });
    }

    /**
     * Fits the words-only scorer on every page not in {@code heldOutFold} (-1: on all pages), over
     * all five labels, from each block's own words: editorial blocks and the blocks that teach the
     * fine labels, so that the alignment's "boilerplate", which hides promos, teaches it nothing.
     * With {@code stems} it reads the block's stems too, and its hard negatives may count more than
     * elsewhere: stems give article text about subscriptions the features of a subscription notice.
     * Without, it reads words alone and counts them as the first pass does. Paywall and donation
     * rows count as {@code rare} says: as the stage that reads its scores counts them.
     */
    private SparseLogisticRegression fitWordsPass(List<FeaturedPage> featured, int heldOutFold, boolean stems,
                                                  TrainingSettings.RareRepeats rare) {
        return fitLinear("words-only scorer", featured, heldOutFold, settings.wordsDraw(), settings.fineLambda(),
                stems ? settings.wordsHardNegatives() : settings.hardNegativeRepeat(), rare, fp -> {
            Label[] labels = fp.page().labels();
            return i -> labels[i] != Label.EDITORIAL && !teachesFineLabels(fp.page(), i) ? null
                    : new Example(stems ? fp.features().stemmedWordRow(i) : fp.features().wordRow(i), labels[i]);
        });
    }

    /**
     * The words-only scorer with stems, beside the one without: only the context pass's second
     * stage reads it, so stems may name a dropped block but never decide whether one is kept.
     */
    private SparseLogisticRegression fitStemmedWordsPass(List<FeaturedPage> featured, int heldOutFold) {
        return fitWordsPass(featured, heldOutFold, true, settings.secondStageRare());
    }

    /**
     * Fits one sparse logistic regression on the blocks each page's draw ({@link #sample}) chose
     * and {@code teaching} turns into examples (null: the block teaches nothing), each repeated as
     * {@link #repeats} says with {@code hardNegativeRepeat} and {@code rare}, on every page not in {@code heldOutFold}.
     */
    private SparseLogisticRegression fitLinear(String what, List<FeaturedPage> featured, int heldOutFold, int cap, double lambda,
                                               int hardNegativeRepeat, TrainingSettings.RareRepeats rare, Function<FeaturedPage, IntFunction<Example>> teaching) {
        long start = System.nanoTime();
        List<SparseArray> rows = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (FeaturedPage fp : featured) {
            if (fp.fold() == heldOutFold) {
                continue;
            }
            boolean[] chosen = sample(fp.page(), cap);
            IntFunction<Example> examples = teaching.apply(fp);
            for (int i = 0; i < chosen.length; i++) {
                Example example = chosen[i] ? examples.apply(i) : null;
                if (example == null) {
                    continue;
                }
                for (int r = 0, n = repeats(fp.page(), i, hardNegativeRepeat, rare); r < n; r++) {
                    rows.add(example.row());
                    ys.add(example.label().ordinal());
                }
            }
        }
        SparseDataset data = SparseDataset.of(rows, PageFeatures.DIMENSION);
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        SparseLogisticRegression model = SparseLogisticRegression.fit(data, y, lambda, 1E-5, settings.maxIter());
        log.accept(String.format("%s on %d rows (held out fold %d) in %.1f s", what, y.length, heldOutFold, seconds(start)));
        // only the scorers the model keeps are rounded: the fold scorers that teach the context
        // pass are thrown away, and leaving them whole leaves the context pass as it was
        return heldOutFold < 0 ? FloatCoefficients.of(model, lambda) : model;
    }

    /** A row without its dense measures: their weights stay zero, so serving reads the same rows. */
    private static SparseArray withoutDense(SparseArray row) {
        SparseArray out = new SparseArray(row.size());
        for (SparseArray.Entry e : row) {
            if (e.i >= PageFeatures.DENSE) {
                out.append(e.i, e.x);
            }
        }
        return out;
    }

    private ContextModel fitContext(String learner, ContextRows rows) {
        double[][] x = rows.x();
        int[] y = rows.y();
        int width = x[0].length;
        MathEx.setSeed(settings.seed());
        if (learner.equals("logit")) {
            LogisticRegression regression = LogisticRegression.fit(x, y, 1E-3, 1E-5, 500);
            return new LinearContextModel(regression, regression.classes(), "multinomial logistic regression over " + width + " context features");
        }
        String[] names = new String[width];
        for (int j = 0; j < names.length; j++) {
            names[j] = "c" + j;
        }
        DataFrame frame = DataFrame.of(x, names).merge(IntVector.of("label", y));
        GradientTreeBoost trees = GradientTreeBoost.fit(Formula.lhs("label"), frame, settings.trees(), settings.maxDepth(),
                1 << settings.maxDepth(), 5, settings.shrinkage(), 1.0);
        return new TreeContextModel(trees, DataFrame.of(new double[1][width], names).schema(), trees.classes(),
                "gradient-boosted trees over " + width + " context features");
    }

    /**
     * The blocks of a page the first pass trains on: every block a person labelled and every
     * rare-class block, and up to {@code cap} more editorial and as many boilerplate blocks
     * drawn at random, and beyond them up to {@code commentCap} of the alignment's boilerplate
     * that {@link #isComment} calls a reader's comment. Menus repeat the same few lines on every
     * page; the cap keeps training time in bounds without losing what the rows teach.
     */
    boolean[] sample(LabelledPage page, int cap) {
        Label[] labels = page.labels();
        boolean[] chosen = new boolean[labels.length];
        Random random = new Random(settings.seed() ^ page.page().key().hashCode() ^ page.blocks().size());
        int[] taken = new int[K];
        int comments = 0;
        for (int i : settings.longDrawn() ? drawnByLength(page, random) : shuffled(labels.length, random)) {
            Label l = labels[i];
            if (l == null) {
                continue;
            }
            boolean common = l == Label.EDITORIAL || l == Label.BOILERPLATE;
            if (!common || page.reviewed()[i]) {
                chosen[i] = true;
            } else if (comments < settings.commentCap() && l == Label.BOILERPLATE && isComment(page.blocks().get(i))) {
                chosen[i] = true;
                comments++;
            } else if (taken[l.ordinal()] < cap) {
                chosen[i] = true;
                taken[l.ordinal()]++;
            }
        }
        return chosen;
    }

    /** A reader's comment as the segmenter sees one: prose of ten words or more in a comment section. */
    static boolean isComment(Block block) {
        return block.context().article().commentSection() && Tokens.of(block.text()).size() >= 10;
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * A weighted draw without replacement (Efraimidis and Spirakis: each block's key is
     * -ln(u) / weight, smallest first): the alignment's boilerplate weighs the square root of its
     * words, every other block 1.
     */
    private static int[] drawnByLength(LabelledPage page, Random random) {
        int n = page.labels().length;
        double[] key = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double weight = page.labels()[i] == Label.BOILERPLATE && !page.reviewed()[i]
                    ? Math.sqrt(Math.max(1, Tokens.of(page.blocks().get(i).text()).size())) : 1;
            key[i] = -Math.log(1 - random.nextDouble()) / weight;
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> key[i]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Rare classes are repeated so they are not drowned by the common ones; the common blocks a
     * person read may count more than the alignment's, whose "boilerplate" hides unreviewed promos,
     * and the hard negatives {@code hardNegativeRepeat} times (0: as other blocks a person read);
     * each pass sets that count and the paywall and donation rows' ({@code rare}) for itself.
     */
    int repeats(LabelledPage page, int i, int hardNegativeRepeat, TrainingSettings.RareRepeats rare) {
        return switch (page.labels()[i]) {
            case PROMO -> settings.promoRepeat();
            case PAYWALL -> rare.paywall();
            case DONATION -> rare.donation();
            default -> page.hardNegative()[i] && hardNegativeRepeat > 0 ? hardNegativeRepeat
                    : page.reviewed()[i] ? settings.reviewedRepeat() : 1;
        };
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The model's id is a hash of its content, so the same corpus and settings give the same id. */
    static String idOf(LabelModel model) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
            out.flush();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            return "winnow-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
