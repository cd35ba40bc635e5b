package dev.winnow.train;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.Input;
import dev.winnow.core.Label;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.Winnow;
import dev.winnow.core.model.LabelModel;
import dev.winnow.core.model.ModelFile;
import dev.winnow.core.model.PaywalledAt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * {@code train}, {@code evaluate} and {@code tune}: rebuild the shipped model from the committed
 * labels and the shared pages, and measure it.
 *
 * <pre>
 * train    [--data DIR] [--labels FILE] [--out FILE]     train on the train split (--splits to choose), write the model
 * evaluate [--data DIR] [--labels FILE] [--model FILE]   print every figure of the model card, on the test split
 * tune     [--data DIR] [--labels FILE]                  train on train, compare settings on dev
 *          [--contexts none,logit,gbt] [--calibrated false] the context learners to compare; without the output weights
 *          [--fine-lambda L] [--fine-dense false] [--words-pass true] [--long-drawn true] [--promo-repeat N] [--rare-repeat N] [--second-stage-rare-repeat N] [--second-stage-donation-repeat N] [--fine-aligned-cap N] [--fine-aligned-menus true] [--hard-negative-repeat N] [--comment-cap N] [--words-cap N] [--words-hard-negative-repeat N] [--context-hard-negative-repeat N] [--stemmed-words-pass false] [--unit-words false] [--folds N] [--seed N] [--augment-copies N] ...  settings to vary
 *          [--quick true --sample 0.3]                    the fast loop: a third of the sites, fewer iterations and trees
 *          [--sample-dev false]                           ... trained on that third, measured on all of dev
 * calibrate [--data DIR] [--labels FILE] [--model FILE] [--out FILE]
 *          choose on dev the output weights and the paywalled threshold of a model as train wrote it,
 *          and write it with them (the values to put in TrainingSettings so that train writes it itself);
 *          weights are kept only if they hold on dev sites they were not chosen on, and a model
 *          trained on dev is refused
 * misses   [--data DIR] [--labels FILE] [--model FILE] [--split test] [--label L|hard-negative] [--mode html|text]
 *          the blocks people read that the model labels otherwise (of one label, or the hard negatives
 *          it drops), one a line with its five probabilities, then the count by page
 * editorial-threshold [--data DIR] [--labels FILE] [--model FILE] [--split dev]
 *          main-text scores and hard negatives kept if a block were editorial from P(editorial) >= t
 * disagree [--data DIR] [--labels FILE] [--model FILE] [--min P] [--aligned boilerplate|editorial]
 *          train-split blocks no person read that the alignment calls boilerplate and the model scores
 *          as promo, paywall or donation with at least P (0.5), or (--aligned editorial) that the
 *          alignment calls editorial and the model drops with at least P: the blocks worth reading next
 * </pre>
 */
public final class TrainCli {

    public static final String DEFAULT_LABELS = "model/corpus/labels.jsonl.gz";
    public static final String DEFAULT_MODEL = "model/winnow.model";

    private final PrintStream out;
    private final Map<String, String> options;

    TrainCli(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0) {
            out.println("usage: train|evaluate|tune [--data DIR] [--labels FILE] [--model FILE] [--out FILE]");
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        TrainCli cli = new TrainCli(options, out);
        try {
            switch (args[0]) {
                case "train" -> cli.train();
                case "evaluate" -> cli.evaluate();
                case "tune" -> cli.tune();
                case "calibrate" -> cli.calibrate();
                case "disagree" -> cli.disagree();
                case "misses" -> cli.misses();
                case "editorial-threshold" -> cli.editorialThreshold();
                case "dump" -> BlockDump.main(new String[] {options.getOrDefault("out", "target/blocks.jsonl.gz"), options.get("data")});
                default -> {
                    out.println("unknown command " + args[0] + "; expected train, evaluate, tune, calibrate, disagree, misses, editorial-threshold or dump");
                    return 2;
                }
            }
        } catch (IllegalStateException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private Corpus corpus(FineLabels fine) {
        SharedData data = SharedData.locate(options.get("data")).require();
        long start = System.nanoTime();
        List<SourcePage> sources = SourcePages.all(data);
        if (options.containsKey("sample")) {
            // a fixed share of the sites, so that quick runs of different variants see the same pages
            double share = Double.parseDouble(options.get("sample"));
            // --sample-dev false: train on the share, measure on all of dev, whose rare blocks a share is too few to rank
            boolean allDev = "false".equals(options.get("sample-dev"));
            sources = sources.stream().filter(p -> Math.floorMod(Split.normalise(p.domain()).hashCode(), 1000) < share * 1000
                    || allDev && Split.of(p.domain()) == Split.DEV).toList();
        }
        Corpus corpus = Corpus.build(sources, fine);
        log(String.format(Locale.ROOT, "corpus: %d pages, %s, built in %.1f s", corpus.pages().size(), corpus.counts(), (System.nanoTime() - start) / 1e9));
        return corpus;
    }

    private FineLabels fineLabels() {
        Path file = Path.of(options.getOrDefault("labels", DEFAULT_LABELS));
        FineLabels fine = FineLabels.read(file);
        log("fine labels: " + fine.size() + " from " + file);
        return fine;
    }

    void train() throws IOException {
        FineLabels fine = fineLabels();
        Corpus corpus = corpus(fine);
        String splitNames = options.getOrDefault("splits", "train");
        Corpus training = corpus.splits(splits(splitNames).toArray(Split[]::new));
        Map<String, String> card = card(splitNames, training);
        LabelModel model = new Trainer(settings(), this::log).train(withAugmentation(training, card), card);
        Path target = Path.of(options.getOrDefault("out", DEFAULT_MODEL));
        ModelFile.write(model, target);
        out.println("model " + model.id() + " written to " + target);
    }

    /** How the card's "trainedOn" starts: the --splits names as given, then a colon. */
    private static final String TRAINED_ON_SPLITS = "splits ";

    /** The splits a model's card says it trained on; none for a card that does not say. */
    static List<Split> trainedOn(LabelModel model) {
        return trainedOn(model.card().getOrDefault("trainedOn", ""));
    }

    /** The same from the card's text, whose names may hold spaces ("train, dev") as --splits takes them. */
    static List<Split> trainedOn(String cardText) {
        if (!cardText.startsWith(TRAINED_ON_SPLITS)) {
            return List.of();
        }
        return splits(cardText.substring(TRAINED_ON_SPLITS.length()).split(":", 2)[0]);
    }

    /** A line above figures measured on pages the model trained on, which say nothing of unseen ones. */
    private void warnIfTrainedOn(Winnow winnow, String splitNames) {
        List<Split> trained = trainedOn(winnow.model());
        List<Split> seen = splits(splitNames).stream().filter(trained::contains).toList();
        if (!seen.isEmpty()) {
            out.println("warning: model " + winnow.modelId() + " was trained on " + seen.stream().map(Split::id).toList()
                    + ": its figures there are of pages it learnt from (train a variant with --splits train to measure it on dev)");
        }
    }

    public static final String DEFAULT_AUGMENTATION = "model/corpus/augmentation/units.jsonl";

    /** HTML and text mode of every page, plus hand-written units inserted into training articles. */
    private List<LabelledPage> withAugmentation(Corpus training, Map<String, String> card) {
        List<LabelledPage> pages = new ArrayList<>(training.withText());
        Path file = Path.of(options.getOrDefault("augmentation", DEFAULT_AUGMENTATION));
        Augmentation augmentation = Augmentation.read(file);
        if (options.containsKey("augment-every")) {
            augmentation = augmentation.every(Integer.parseInt(options.get("augment-every")));
        }
        int copies = Integer.parseInt(options.getOrDefault("augment-copies", "8"));
        List<LabelledPage> extra = augmentation.pages(training.pages(), copies, settings().seed());
        pages.addAll(extra);
        int htmlCopies = Integer.parseInt(options.getOrDefault("augment-html-copies", "2"));
        List<LabelledPage> html = augmentation.htmlPages(training.pages(), htmlCopies, settings().seed());
        pages.addAll(html);
        log("augmentation: " + augmentation.size() + " units from " + file + ", " + extra.size() + " text-mode pages, " + html.size() + " HTML pages");
        card.put("augmentation", augmentation.size() + " hand-written units x" + copies + " inserted into training articles (" + file.getFileName() + ")"
                + (html.isEmpty() ? "" : ", and x" + htmlCopies + " as boxes in their HTML (" + html.size() + " pages)"));
        return pages;
    }

    /** What the model card records about the training data; part of the model id. */
    private static Map<String, String> card(String splitNames, Corpus training) {
        Map<String, String> card = new TreeMap<>();
        card.put("trainedOn", TRAINED_ON_SPLITS + splitNames + ": " + training.pages().size() + " pages, block labels " + training.counts());
        return card;
    }

    /** {@code "train,dev"}, {@code "test"} or {@code "all"}. */
    static List<Split> splits(String names) {
        if (names.equals("all")) {
            return List.of(Split.values());
        }
        List<Split> out = new ArrayList<>();
        for (String name : names.split(",")) {
            out.add(Split.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        return out;
    }

    private TrainingSettings settings() {
        TrainingSettings s = TrainingSettings.DEFAULT;
        if (options.containsKey("quick")) {
            // tune's fast loop: fewer iterations and trees; with --sample, a share of the sites
            s = s.withMaxIter(60).withTrees(25, s.maxDepth());
        }
        if (options.containsKey("lambda")) {
            s = s.withLambda(Double.parseDouble(options.get("lambda")));
        }
        if (options.containsKey("fine-dense")) {
            s = s.withFineDense(Boolean.parseBoolean(options.get("fine-dense")));
        }
        if (options.containsKey("words-pass")) {
            s = s.withWordsPass(Boolean.parseBoolean(options.get("words-pass")));
        }
        if (options.containsKey("long-drawn")) {
            s = s.withLongDrawn(Boolean.parseBoolean(options.get("long-drawn")));
        }
        if (options.containsKey("promo-repeat")) {
            s = s.withPromoRepeat(Integer.parseInt(options.get("promo-repeat")));
        }
        if (options.containsKey("rare-repeat")) {
            s = s.withRareRepeat(Integer.parseInt(options.get("rare-repeat")));
        }
        if (options.containsKey("second-stage-rare-repeat")) {
            s = s.withSecondStageRareRepeat(Integer.parseInt(options.get("second-stage-rare-repeat")));
        }
        if (options.containsKey("second-stage-donation-repeat")) {
            s = s.withSecondStageDonationRepeat(Integer.parseInt(options.get("second-stage-donation-repeat")));
        }
        if (options.containsKey("fine-lambda")) {
            s = s.withFineLambda(Double.parseDouble(options.get("fine-lambda")));
        }
        if (options.containsKey("context")) {
            s = s.withContext(options.get("context"));
        }
        if (options.containsKey("maxIter")) {
            s = s.withMaxIter(Integer.parseInt(options.get("maxIter")));
        }
        if (options.containsKey("cap")) {
            s = s.withPerPageCap(Integer.parseInt(options.get("cap")));
        }
        if (options.containsKey("reviewed-repeat")) {
            s = s.withReviewedRepeat(Integer.parseInt(options.get("reviewed-repeat")));
        }
        if (options.containsKey("stages")) {
            s = s.withStages(Integer.parseInt(options.get("stages")));
        }
        if (options.containsKey("fine-aligned-cap")) {
            s = s.withFineAlignedCap(Integer.parseInt(options.get("fine-aligned-cap")));
        }
        if (options.containsKey("fine-aligned-menus")) {
            s = s.withFineAlignedMenus(Boolean.parseBoolean(options.get("fine-aligned-menus")));
        }
        if (options.containsKey("hard-negative-repeat")) {
            s = s.withHardNegativeRepeat(Integer.parseInt(options.get("hard-negative-repeat")));
        }
        if (options.containsKey("seed")) {
            s = s.withSeed(Long.parseLong(options.get("seed")));
        }
        if (options.containsKey("comment-cap")) {
            s = s.withCommentCap(Integer.parseInt(options.get("comment-cap")));
        }
        if (options.containsKey("words-cap")) {
            s = s.withWordsCap(Integer.parseInt(options.get("words-cap")));
        }
        if (options.containsKey("words-hard-negative-repeat")) {
            s = s.withWordsHardNegativeRepeat(Integer.parseInt(options.get("words-hard-negative-repeat")));
        }
        if (options.containsKey("stemmed-words-pass")) {
            s = s.withStemmedWordsPass(Boolean.parseBoolean(options.get("stemmed-words-pass")));
        }
        if (options.containsKey("unit-words")) {
            s = s.withUnitWords(Boolean.parseBoolean(options.get("unit-words")));
        }
        if (options.containsKey("context-hard-negative-repeat")) {
            s = s.withContextHardNegativeRepeat(Integer.parseInt(options.get("context-hard-negative-repeat")));
        }
        if (options.containsKey("folds")) {
            s = s.withFolds(Integer.parseInt(options.get("folds")));
        }
        if (options.containsKey("trees")) {
            s = s.withTrees(Integer.parseInt(options.get("trees")), s.maxDepth());
        }
        if ("false".equals(options.get("calibrated"))) {
            // to set a variant beside models trained before calibration existed
            s = s.withCalibration(null, PaywalledAt.both(0.99));
        }
        return s;
    }

    void evaluate() throws IOException {
        FineLabels fine = fineLabels();
        Corpus corpus = corpus(fine);
        Path modelPath = Path.of(options.getOrDefault("model", DEFAULT_MODEL));
        Winnow winnow = Winnow.fromFile(modelPath);
        // "dev;test" reports each split in turn from one corpus build
        for (String split : options.getOrDefault("split", "test").split(";")) {
            out.println("model " + winnow.modelId() + " on split " + split);
            warnIfTrainedOn(winnow, split);
            report(new Evaluation(winnow), corpus.splits(splits(split).toArray(Split[]::new)), fine);
            out.flush();
        }
    }

    void calibrate() throws IOException {
        Path modelPath = Path.of(options.getOrDefault("model", DEFAULT_MODEL));
        // the weights a model carries (train writes those of the last calibration) are chosen anew
        LabelModel read = ModelFile.read(modelPath);
        if (trainedOn(read).contains(Split.DEV)) {
            throw new IllegalStateException("model " + read.id() + " was trained on dev, where calibrate chooses its weights:"
                    + " calibrate a model trained with --splits train and put its choice in TrainingSettings");
        }
        FineLabels fine = fineLabels();
        Corpus corpus = corpus(fine);
        LabelModel raw = read.withCalibration("", null, PaywalledAt.both(0));
        Calibration.Choice choice = new Calibration(new Winnow(raw), out).choose(corpus.split(Split.DEV).pages(), fine);
        Map<String, String> facts = new TreeMap<>(raw.card());
        facts.put("settings", TrainingSettings.recalibrated(raw.card().get("settings"), choice.weights(), choice.paywalledAt()));
        LabelModel unnamed = new LabelModel("", raw.featureBits(), raw.firstPass(), raw.firstClasses(), raw.fineFirstPass(), raw.fineClasses(),
                raw.contextPass(), raw.fineContextPass(), facts, choice.weights(), choice.paywalledAt(), raw.wordsPass(), raw.wordsClasses(),
                raw.stemmedWordsPass(), raw.stemmedWordsClasses(), raw.unitWords());
        LabelModel calibrated = unnamed.withCalibration(Trainer.idOf(unnamed), choice.weights(), choice.paywalledAt());
        if (options.containsKey("out")) {
            Path target = Path.of(options.get("out"));
            ModelFile.write(calibrated, target);
            out.println("model " + calibrated.id() + " written to " + target);
        }
    }

    void tune() throws IOException {
        FineLabels fine = fineLabels();
        Corpus corpus = corpus(fine);
        Corpus train = corpus.split(Split.TRAIN);
        Corpus dev = corpus.split(Split.DEV);
        List<String> learners = List.of(options.getOrDefault("contexts", "none,logit,gbt").split(","));
        Map<String, String> card = card("train", train);
        List<LabelModel> models = new Trainer(settings(), this::log).trainVariants(withAugmentation(train, card), learners, card);
        Path outDir = options.containsKey("out-dir") ? Path.of(options.get("out-dir")) : null;
        for (LabelModel model : models) {
            out.println("== " + model.id() + ": " + model.card().get("settings"));
            if (outDir != null) {
                ModelFile.write(model, outDir.resolve(model.id() + ".model"));
            }
            report(new Evaluation(new Winnow(model)), dev, fine);
            out.flush();
        }
    }

    void disagree() throws IOException {
        // Aligned boilerplate the model calls promo, paywall or donation hides mislabelled fine
        // classes; aligned editorial the model drops (--aligned editorial) hides article text
        // the model reads as a box, product and plan names among it.
        Label aligned = switch (options.getOrDefault("aligned", "boilerplate")) {
            case "boilerplate" -> Label.BOILERPLATE;
            case "editorial" -> Label.EDITORIAL;
            default -> throw new IllegalStateException("--aligned takes boilerplate or editorial, not " + options.get("aligned"));
        };
        FineLabels fine = fineLabels();
        Corpus train = corpus(fine).split(Split.TRAIN);
        Winnow winnow = Winnow.fromFile(Path.of(options.getOrDefault("model", DEFAULT_MODEL)));
        double min = Double.parseDouble(options.getOrDefault("min", "0.5"));
        for (LabelledPage page : train.pages()) {
            List<LabelledBlock> predicted = winnow.label(page.blocks(), CleanOptions.DEFAULT);
            for (int i = 0; i < predicted.size(); i++) {
                if (page.reviewed()[i] || page.labels()[i] != aligned) {
                    continue;
                }
                double[] p = predicted.get(i).prediction().probabilities();
                double score = aligned == Label.EDITORIAL
                        ? 1 - p[Label.EDITORIAL.ordinal()]
                        : p[Label.PROMO.ordinal()] + p[Label.PAYWALL.ordinal()] + p[Label.DONATION.ordinal()];
                if (score >= min) {
                    out.printf(Locale.ROOT, "%s\t%d\t%.2f%n", page.page().key(), i, score);
                }
            }
        }
    }

    void misses() throws IOException {
        FineLabels fine = fineLabels();
        String split = options.getOrDefault("split", "test");
        Corpus pages = corpus(fine).splits(splits(split).toArray(Split[]::new));
        Winnow winnow = Winnow.fromFile(Path.of(options.getOrDefault("model", DEFAULT_MODEL)));
        warnIfTrainedOn(winnow, split);
        String wanted = options.getOrDefault("label", "editorial");
        boolean hardNegatives = wanted.equals("hard-negative");
        Label label;
        try {
            label = hardNegatives ? Label.EDITORIAL : Label.fromId(wanted);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("--label takes a label or hard-negative: " + e.getMessage());
        }
        boolean text = options.getOrDefault("mode", "html").equals("text");
        Map<String, Integer> byPage = new TreeMap<>();
        int[] total = new int[1];
        List<LabelledPage> inMode = text ? pages.pages().stream().map(LabelledPage::asText).toList() : pages.pages();
        BiPredicate<SourcePage, String> picks = hardNegatives ? fine::isHardNegative : (page, blockText) -> fine.lookup(page, blockText) == label;
        new Evaluation(winnow).forEachPicked(inMode, picks, (page, i, b) -> {
            total[0]++;
            if (b.label() != label) {
                String blockText = b.block().text();
                double[] p = b.prediction().probabilities();
                out.printf(Locale.ROOT, "%s\t%d/%d\t%s\t%.2f %.2f %.2f %.2f %.2f\t%s%n", page.page().key(), i, page.blocks().size(),
                        b.label().id(), p[0], p[1], p[2], p[3], p[4], blockText.length() > 140 ? blockText.substring(0, 140) : blockText);
                byPage.merge(page.page().key(), 1, Integer::sum);
            }
        });
        int missed = byPage.values().stream().mapToInt(Integer::intValue).sum();
        out.printf(Locale.ROOT, "%d of %d %s blocks labelled otherwise (%s mode), on %d pages; probabilities in the order %s%n",
                missed, total[0], wanted, text ? "text" : "HTML", byPage.size(), Arrays.toString(Label.values()));
        byPage.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(20)
                .forEach(e -> out.println("  " + e.getValue() + "\t" + e.getKey()));
    }

    void editorialThreshold() throws IOException {
        FineLabels fine = fineLabels();
        String split = options.getOrDefault("split", "dev");
        Corpus pages = corpus(fine).splits(splits(split).toArray(Split[]::new));
        Winnow winnow = Winnow.fromFile(Path.of(options.getOrDefault("model", DEFAULT_MODEL)));
        warnIfTrainedOn(winnow, split);
        List<LabelledPage> scored = pages.pages().stream().filter(p -> p.page().gold().mainText() != null).toList();
        // each page labelled once; every threshold then keeps a different share of the same blocks
        List<List<LabelledBlock>> labelled = scored.parallelStream()
                .map(p -> winnow.clean(Input.html(p.page().htmlString()), CleanOptions.DEFAULT.withBlocks(true)).blocks()).toList();
        List<Double> hardNegatives = new ArrayList<>();
        new Evaluation(winnow).forEachPicked(pages.pages(), fine::isHardNegative, (page, i, b) -> hardNegatives.add(editorialProbability(b)));
        for (double t : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6}) {
            int hard = hardNegatives.size();
            long kept = hardNegatives.stream().filter(p -> p >= t).count();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "from P(editorial) %.2f: hard negatives kept %.3f (%d)", t, (double) kept / hard, hard));
            for (String source : List.of("wcxb", WebisPages.SOURCE)) {
                List<String> predictions = new ArrayList<>();
                List<String> references = new ArrayList<>();
                for (int k = 0; k < scored.size(); k++) {
                    if (scored.get(k).page().key().startsWith(source + ":")) {
                        StringBuilder keptText = new StringBuilder();
                        for (LabelledBlock b : labelled.get(k)) {
                            if (editorialProbability(b) >= t) {
                                keptText.append(b.block().text()).append('\n');
                            }
                        }
                        predictions.add(keptText.toString());
                        references.add(scored.get(k).page().gold().mainText());
                    }
                }
                if (!predictions.isEmpty()) {
                    line.append(" | ").append(source).append(' ').append(Evaluation.wordScore(predictions, references).line());
                }
            }
            out.println(line);
        }
    }

    private static double editorialProbability(LabelledBlock b) {
        return b.prediction().probabilities()[Label.EDITORIAL.ordinal()];
    }

    private void report(Evaluation evaluation, Corpus pages, FineLabels fine) {
        List<LabelledPage> html = pages.pages();
        List<LabelledPage> text = html.stream().map(LabelledPage::asText).toList();
        out.println("pages: " + html.size() + ", labelled blocks " + pages.counts());
        out.println("-- block labels, HTML mode");
        out.print(evaluation.blocks(html).table());
        out.println("-- block labels, text mode");
        out.print(evaluation.blocks(text).table());
        out.println("-- block labels of people-labelled blocks only, HTML mode");
        Evaluation.Confusion people = evaluation.blocks(html, fine);
        out.print(people.table());
        out.println("-- block labels of people-labelled blocks only, text mode");
        Evaluation.Confusion peopleText = evaluation.blocks(text, fine);
        out.print(peopleText.table());
        double hardHtml = evaluation.hardNegativesKept(html, fine);
        double hardText = evaluation.hardNegativesKept(text, fine);
        out.printf(Locale.ROOT, "editorial hard negatives kept: HTML %.3f, text %.3f%n", hardHtml, hardText);
        out.println("-- paywalled: pages people read, gated when a person labelled a block paywall (HTML mode)");
        out.println(evaluation.paywalled(html, false).line());
        out.println("-- paywalled, text mode: the same pages, one block per line");
        out.println(evaluation.paywalled(html, true).line());

        List<PeerOutputs> peers = peers();
        List<LabelledPage> wcxb = pages.source("wcxb").pages();
        List<LabelledPage> articles = wcxb.stream().filter(p -> p.page().pageType().equals("article")).toList();
        out.println("-- WCXB word F1 (mean over pages)");
        wordLine("all pages, HTML mode", wcxb, evaluation::cleanHtml);
        wordLine("all pages, text mode", wcxb, evaluation::cleanText);
        wordLine("all pages, C4 line rules", wcxb, p -> C4LineRules.clean(p.plainText()));
        peerLines("all pages", wcxb, peers);
        Evaluation.WordScore articleScore = wordLine("article pages, HTML mode", articles, evaluation::cleanHtml);
        wordLine("article pages, text mode", articles, evaluation::cleanText);
        wordLine("article pages, C4 line rules", articles, p -> C4LineRules.clean(p.plainText()));
        peerLines("article pages", articles, peers);

        List<LabelledPage> webis = pages.source(WebisPages.SOURCE).pages();
        out.println("-- webis-ceb word F1 (mean over pages, HTML mode; each set's gold as peers/README.md reads it)");
        Evaluation.WordScore webisScore = wordLine("webis-ceb, all sets", webis, evaluation::cleanHtml);
        peerLines("webis-ceb, all sets", webis, peers);
        for (String set : WebisPages.DATASETS) {
            List<LabelledPage> of = webis.stream().filter(p -> p.page().pageType().equals(set)).toList();
            if (!of.isEmpty()) {
                wordLine(set, of, evaluation::cleanHtml);
                peerLines(set, of, peers);
            }
        }

        List<LabelledPage> traf = pages.source("trafilatura").pages();
        List<Gold> golds = traf.stream().map(p -> p.page().gold()).toList();
        out.println("-- trafilatura-eval snippets (micro-averaged, " + traf.size() + " pages)");
        out.println("HTML mode:      " + Evaluation.snippetScore(Evaluation.map(traf, evaluation::cleanHtml), golds).line());
        out.println("text mode:      " + Evaluation.snippetScore(Evaluation.map(traf, evaluation::cleanText), golds).line());
        out.println("C4 line rules:  " + Evaluation.snippetScore(Evaluation.map(traf, p -> C4LineRules.clean(p.plainText())), golds).line());
        // one line to rank tune runs by
        out.printf(Locale.ROOT, "summary: promo %.3f paywall %.3f donation %.3f (text %.3f %.3f %.3f) HN %.3f/%.3f WCXB-article %.3f webis %.3f P %.3f R %.3f%n",
                people.f1(Label.PROMO), people.f1(Label.PAYWALL), people.f1(Label.DONATION), peopleText.f1(Label.PROMO),
                peopleText.f1(Label.PAYWALL), peopleText.f1(Label.DONATION), hardHtml, hardText, articleScore.f1(), webisScore.f1(),
                webisScore.precision(), webisScore.recall());
    }

    /** Read once per command: every report (each split of {@code evaluate}, each variant of {@code tune}) uses them. */
    private List<PeerOutputs> peers;

    /** trafilatura's outputs from the shared data, and any other peer whose outputs {@code --peer NAME=DIR} names. */
    private List<PeerOutputs> peers() {
        if (peers != null) {
            return peers;
        }
        peers = new ArrayList<>();
        SharedData data = SharedData.locate(options.get("data"));
        PeerOutputs trafilatura = PeerOutputs.trafilatura(data);
        if (!trafilatura.isEmpty()) {
            peers.add(trafilatura);
        }
        String named = options.get("peer");
        if (named != null && named.contains("=")) {
            PeerOutputs other = PeerOutputs.of(named.substring(0, named.indexOf('=')), Path.of(named.substring(named.indexOf('=') + 1)));
            if (!other.isEmpty()) {
                peers.add(other);
            }
        }
        return peers;
    }

    private void peerLines(String name, List<LabelledPage> pages, List<PeerOutputs> peers) {
        for (PeerOutputs peer : peers) {
            List<LabelledPage> covered = pages.stream().filter(p -> peer.text(p.page()) != null).toList();
            if (!covered.isEmpty()) {
                wordLine(name + ", " + peer.name(), covered, p -> peer.text(p.page()));
            }
        }
    }

    private Evaluation.WordScore wordLine(String name, List<LabelledPage> pages, Function<LabelledPage, String> clean) {
        Evaluation.WordScore score = Evaluation.wordScore(Evaluation.map(pages, clean), Evaluation.references(pages));
        out.printf(Locale.ROOT, "%-45s %s%n", name + ":", score.line());
        return score;
    }

    private void log(String message) {
        System.err.println("[winnow] " + message);
    }
}
