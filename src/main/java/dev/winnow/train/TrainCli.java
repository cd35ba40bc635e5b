package dev.winnow.train;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.Label;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.Winnow;
import dev.winnow.core.model.LabelModel;
import dev.winnow.core.model.ModelFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code train}, {@code evaluate} and {@code tune}: rebuild the shipped model from the committed
 * labels and the shared pages, and measure it.
 *
 * <pre>
 * train    [--data DIR] [--labels FILE] [--out FILE]     train on the train split (--splits to choose), write the model
 * evaluate [--data DIR] [--labels FILE] [--model FILE]   print every figure of the model card, on the test split
 * tune     [--data DIR] [--labels FILE]                  train on train, compare settings on dev
 * disagree [--data DIR] [--labels FILE] [--model FILE] [--min P]
 *          train-split blocks no person read that the alignment calls boilerplate and the model scores
 *          as promo, paywall or donation with at least P (0.5): the blocks worth reading next
 * </pre>
 */
public final class TrainCli {

    public static final String DEFAULT_LABELS = "model/corpus/labels.jsonl";
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
                case "disagree" -> cli.disagree();
                case "dump" -> BlockDump.main(new String[] {options.getOrDefault("out", "target/blocks.jsonl.gz"), options.get("data")});
                default -> {
                    out.println("unknown command " + args[0] + "; expected train, evaluate, tune, disagree or dump");
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
        Corpus corpus = Corpus.build(SourcePages.all(data), fine);
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

    public static final String DEFAULT_AUGMENTATION = "model/corpus/augmentation/units.jsonl";

    /** HTML and text mode of every page, plus hand-written units inserted into training articles. */
    private List<LabelledPage> withAugmentation(Corpus training, Map<String, String> card) {
        List<LabelledPage> pages = new ArrayList<>(training.withText());
        Path file = Path.of(options.getOrDefault("augmentation", DEFAULT_AUGMENTATION));
        Augmentation augmentation = Augmentation.read(file);
        int copies = Integer.parseInt(options.getOrDefault("augment-copies", "8"));
        List<LabelledPage> extra = augmentation.pages(training.pages(), copies, settings().seed());
        pages.addAll(extra);
        log("augmentation: " + augmentation.size() + " units from " + file + ", " + extra.size() + " text-mode pages");
        card.put("augmentation", augmentation.size() + " hand-written units x" + copies + " inserted into training articles (" + file.getFileName() + ")");
        return pages;
    }

    /** What the model card records about the training data; part of the model id. */
    private static Map<String, String> card(String splitNames, Corpus training) {
        Map<String, String> card = new TreeMap<>();
        card.put("trainedOn", "splits " + splitNames + ": " + training.pages().size() + " pages, block labels " + training.counts());
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
        if (options.containsKey("lambda")) {
            s = s.withLambda(Double.parseDouble(options.get("lambda")));
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
        if (options.containsKey("trees")) {
            s = s.withTrees(Integer.parseInt(options.get("trees")), s.maxDepth());
        }
        return s;
    }

    void evaluate() throws IOException {
        FineLabels fine = fineLabels();
        Corpus corpus = corpus(fine);
        Path modelPath = Path.of(options.getOrDefault("model", DEFAULT_MODEL));
        Winnow winnow = Winnow.fromFile(modelPath);
        String split = options.getOrDefault("split", "test");
        out.println("model " + winnow.modelId() + " on split " + split);
        report(new Evaluation(winnow), corpus.splits(splits(split).toArray(Split[]::new)), fine);
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
        FineLabels fine = fineLabels();
        Corpus train = corpus(fine).split(Split.TRAIN);
        Winnow winnow = Winnow.fromFile(Path.of(options.getOrDefault("model", DEFAULT_MODEL)));
        double min = Double.parseDouble(options.getOrDefault("min", "0.5"));
        for (LabelledPage page : train.pages()) {
            List<LabelledBlock> predicted = winnow.label(page.blocks(), CleanOptions.DEFAULT);
            for (int i = 0; i < predicted.size(); i++) {
                if (page.reviewed()[i] || page.labels()[i] != Label.BOILERPLATE) {
                    continue;
                }
                double[] p = predicted.get(i).prediction().probabilities();
                double rare = p[Label.PROMO.ordinal()] + p[Label.PAYWALL.ordinal()] + p[Label.DONATION.ordinal()];
                if (rare >= min) {
                    out.printf(Locale.ROOT, "%s\t%d\t%.2f%n", page.page().key(), i, rare);
                }
            }
        }
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
        out.print(evaluation.blocks(html, fine).table());
        out.println("-- block labels of people-labelled blocks only, text mode");
        out.print(evaluation.blocks(text, fine).table());
        out.printf(Locale.ROOT, "editorial hard negatives kept: HTML %.3f, text %.3f%n",
                evaluation.hardNegativesKept(html, fine), evaluation.hardNegativesKept(text, fine));

        List<LabelledPage> wcxb = pages.source("wcxb").pages();
        List<LabelledPage> articles = wcxb.stream().filter(p -> p.page().pageType().equals("article")).toList();
        out.println("-- WCXB word F1 (mean over pages)");
        wordLine("all pages, HTML mode", wcxb, evaluation::cleanHtml);
        wordLine("all pages, text mode", wcxb, evaluation::cleanText);
        wordLine("all pages, C4 line rules", wcxb, p -> C4LineRules.clean(p.plainText()));
        wordLine("article pages, HTML mode", articles, evaluation::cleanHtml);
        wordLine("article pages, text mode", articles, evaluation::cleanText);
        wordLine("article pages, C4 line rules", articles, p -> C4LineRules.clean(p.plainText()));

        List<LabelledPage> traf = pages.source("trafilatura").pages();
        List<Gold> golds = traf.stream().map(p -> p.page().gold()).toList();
        out.println("-- trafilatura-eval snippets (micro-averaged, " + traf.size() + " pages)");
        out.println("HTML mode:      " + Evaluation.snippetScore(Evaluation.map(traf, evaluation::cleanHtml), golds).line());
        out.println("text mode:      " + Evaluation.snippetScore(Evaluation.map(traf, evaluation::cleanText), golds).line());
        out.println("C4 line rules:  " + Evaluation.snippetScore(Evaluation.map(traf, p -> C4LineRules.clean(p.plainText())), golds).line());
    }

    private void wordLine(String name, List<LabelledPage> pages, java.util.function.Function<LabelledPage, String> clean) {
        out.printf(Locale.ROOT, "%-30s %s%n", name + ":", Evaluation.wordScore(Evaluation.map(pages, clean), Evaluation.references(pages)).line());
    }

    private void log(String message) {
        System.err.println("[winnow] " + message);
    }
}
