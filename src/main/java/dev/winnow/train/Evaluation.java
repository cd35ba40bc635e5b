package dev.winnow.train;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.Input;
import dev.winnow.core.Label;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.Winnow;
import dev.winnow.core.segment.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Measures a model on labelled pages: block labels against the corpus, main text against the
 * benchmarks' gold with each benchmark's own scoring, in HTML mode and in text mode, with
 * C4's line rules as the text-mode baseline. Everything goes through {@link Winnow}, the same
 * path the service takes.
 */
public final class Evaluation {
    private static final int K = Label.values().length;

    private final Winnow winnow;

    public Evaluation(Winnow winnow) {
        this.winnow = winnow;
    }

    /** Gold × predicted block counts, indexed by label ordinal. */
    public record Confusion(long[][] counts) {
        public static Confusion empty() {
            return new Confusion(new long[K][K]);
        }

        void add(Label gold, Label predicted) {
            counts[gold.ordinal()][predicted.ordinal()]++;
        }

        public double precision(Label l) {
            long tp = counts[l.ordinal()][l.ordinal()];
            long predicted = 0;
            for (int g = 0; g < K; g++) {
                predicted += counts[g][l.ordinal()];
            }
            return predicted == 0 ? 0 : (double) tp / predicted;
        }

        public double recall(Label l) {
            long tp = counts[l.ordinal()][l.ordinal()];
            long gold = 0;
            for (int p = 0; p < K; p++) {
                gold += counts[l.ordinal()][p];
            }
            return gold == 0 ? 0 : (double) tp / gold;
        }

        public double f1(Label l) {
            double p = precision(l);
            double r = recall(l);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public long support(Label l) {
            long gold = 0;
            for (int p = 0; p < K; p++) {
                gold += counts[l.ordinal()][p];
            }
            return gold;
        }

        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%-12s %9s %9s %9s %9s%n", "label", "precision", "recall", "F1", "support"));
            for (Label l : Label.values()) {
                out.append(String.format(Locale.ROOT, "%-12s %9.3f %9.3f %9.3f %9d%n", l.id(), precision(l), recall(l), f1(l), support(l)));
            }
            out.append("confusion (rows gold, columns predicted):\n");
            out.append(String.format(Locale.ROOT, "%-12s", ""));
            for (Label l : Label.values()) {
                out.append(String.format(Locale.ROOT, " %11s", l.id()));
            }
            out.append('\n');
            for (Label g : Label.values()) {
                out.append(String.format(Locale.ROOT, "%-12s", g.id()));
                for (Label p : Label.values()) {
                    out.append(String.format(Locale.ROOT, " %11d", counts[g.ordinal()][p.ordinal()]));
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    /** Block labels of every labelled block of the pages, as the model gives them. */
    public Confusion blocks(List<LabelledPage> pages) {
        return blocks(pages, null);
    }

    /** The same, restricted to the blocks people labelled when {@code fine} is given. */
    public Confusion blocks(List<LabelledPage> pages, FineLabels fine) {
        Confusion confusion = Confusion.empty();
        for (LabelledPage page : pages) {
            List<LabelledBlock> predicted = winnow.label(page.blocks(), CleanOptions.DEFAULT);
            for (int i = 0; i < predicted.size(); i++) {
                Label gold = page.labels()[i];
                if (gold != null && (fine == null || fine.lookup(page.page(), page.blocks().get(i).text()) != null)) {
                    confusion.add(gold, predicted.get(i).label());
                }
            }
        }
        return confusion;
    }

    /** The share of person-labelled editorial blocks that talk about money or ads and are kept. */
    public double hardNegativesKept(List<LabelledPage> pages, FineLabels fine) {
        int[] totalAndKept = new int[2];
        forEachPicked(pages, fine::isHardNegative, (page, i, labelled) -> {
            totalAndKept[0]++;
            totalAndKept[1] += labelled.label() == Label.EDITORIAL ? 1 : 0;
        });
        return totalAndKept[0] == 0 ? Double.NaN : (double) totalAndKept[1] / totalAndKept[0];
    }

    /** Receives one picked block: its page, its index there, and the model's label of it. */
    @FunctionalInterface
    public interface PickedBlock {
        void accept(LabelledPage page, int index, LabelledBlock labelled);
    }

    /**
     * Hands {@code visitor} every block that {@code picks} (given its page and text) chooses, with
     * the model's label of it, in page order; a page is labelled once, and only if it holds such
     * a block, since most pages hold none of the blocks people picked out.
     */
    public void forEachPicked(List<LabelledPage> pages, BiPredicate<SourcePage, String> picks, PickedBlock visitor) {
        for (LabelledPage page : pages) {
            List<LabelledBlock> predicted = null;
            for (int i = 0; i < page.blocks().size(); i++) {
                if (picks.test(page.page(), page.blocks().get(i).text())) {
                    predicted = predicted == null ? winnow.label(page.blocks(), CleanOptions.DEFAULT) : predicted;
                    visitor.accept(page, i, predicted.get(i));
                }
            }
        }
    }

    /** How well {@code paywalled} tells gated pages: among pages a person read, those with a person's paywall label are gated. */
    public record PaywalledScore(int truePositives, int falsePositives, int falseNegatives, int pages) {
        public double precision() {
            return truePositives + falsePositives == 0 ? Double.NaN : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? Double.NaN : (double) truePositives / (truePositives + falseNegatives);
        }

        public String line() {
            return String.format(Locale.ROOT, "paywalled precision %.3f  recall %.3f  (%d pages read, %d gated; TP %d FP %d FN %d)",
                    precision(), recall(), pages, truePositives + falseNegatives, truePositives, falsePositives, falseNegatives);
        }
    }

    /**
     * Whether people found the page gated: true when a person labelled one of its blocks paywall;
     * null when no person read any of its blocks, so nobody knows.
     */
    static Boolean gated(LabelledPage page) {
        boolean read = false;
        boolean gated = false;
        for (int i = 0; i < page.labels().length; i++) {
            if (page.reviewed()[i]) {
                read = true;
                gated |= page.labels()[i] == Label.PAYWALL;
            }
        }
        return read ? gated : null;
    }

    /** @param textMode whether the page goes in as its one-block-per-line text rather than its HTML */
    public PaywalledScore paywalled(List<LabelledPage> pages, boolean textMode) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int read = 0;
        for (LabelledPage page : pages) {
            Boolean gated = gated(page);
            if (gated == null) {
                continue;
            }
            read++;
            boolean predicted = winnow.clean(input(page, textMode), CleanOptions.DEFAULT).paywalled();
            if (predicted && gated) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (gated) {
                fn++;
            }
        }
        return new PaywalledScore(tp, fp, fn, read);
    }

    /** The page as it goes in: its own HTML, or in text mode only its one-block-per-line text. */
    private static Input input(LabelledPage page, boolean textMode) {
        return textMode ? Input.text(page.plainText()) : Input.html(page.page().htmlString());
    }

    /** The cleaned text of a page in HTML mode. */
    public String cleanHtml(LabelledPage page) {
        return winnow.clean(input(page, false), CleanOptions.DEFAULT).output();
    }

    /** The cleaned text of a page in text mode. */
    public String cleanText(LabelledPage page) {
        return winnow.clean(input(page, true), CleanOptions.DEFAULT).output();
    }

    /** WCXB word F1: bag of lower-cased {@code \w+} tokens per page, P/R/F1 per page, averaged. */
    public record WordScore(double precision, double recall, double f1, int pages, int lostHalf) {
        public String line() {
            return String.format(Locale.ROOT, "F1 %.3f  P %.3f  R %.3f  (%d pages; %d lose more than half of their gold words)",
                    f1, precision, recall, pages, lostHalf);
        }
    }

    public static WordScore wordScore(List<String> predictions, List<String> references) {
        double p = 0;
        double r = 0;
        double f = 0;
        int lostHalf = 0;
        for (int i = 0; i < predictions.size(); i++) {
            double[] prf = wordPrf(predictions.get(i), references.get(i));
            p += prf[0];
            r += prf[1];
            f += prf[2];
            if (prf[1] < 0.5) {
                lostHalf++;
            }
        }
        int n = Math.max(1, predictions.size());
        return new WordScore(p / n, r / n, f / n, predictions.size(), lostHalf);
    }

    static double[] wordPrf(String prediction, String reference) {
        List<String> pred = Tokens.of(prediction);
        List<String> ref = Tokens.of(reference);
        if (ref.isEmpty()) {
            double v = pred.isEmpty() ? 1 : 0;
            return new double[] {v, v, v};
        }
        if (pred.isEmpty()) {
            return new double[] {0, 0, 0};
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : ref) {
            counts.merge(t, 1, Integer::sum);
        }
        int overlap = 0;
        for (String t : pred) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                overlap++;
                counts.put(t, c - 1);
            }
        }
        double precision = (double) overlap / pred.size();
        double recall = (double) overlap / ref.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }

    /** trafilatura's snippet scoring, micro-averaged: with-snippets found are TP, without-snippets found FP. */
    public record SnippetScore(long tp, long fn, long fp, long tn) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            return 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
        }

        public double accuracy() {
            return (double) (tp + tn) / Math.max(1, tp + tn + fp + fn);
        }

        public String line() {
            return String.format(Locale.ROOT, "F %.3f  P %.3f  R %.3f  accuracy %.3f  (TP %d FN %d FP %d TN %d)",
                    f1(), precision(), recall(), accuracy(), tp, fn, fp, tn);
        }
    }

    public static SnippetScore snippetScore(List<String> predictions, List<Gold> golds) {
        long tp = 0;
        long fn = 0;
        long fp = 0;
        long tn = 0;
        for (int i = 0; i < predictions.size(); i++) {
            String out = Snippets.normalise(predictions.get(i));
            for (String s : golds.get(i).with()) {
                if (out.contains(Snippets.normalise(s))) {
                    tp++;
                } else {
                    fn++;
                }
            }
            for (String s : golds.get(i).without()) {
                if (out.contains(Snippets.normalise(s))) {
                    fp++;
                } else {
                    tn++;
                }
            }
        }
        return new SnippetScore(tp, fn, fp, tn);
    }

    public static List<String> map(List<LabelledPage> pages, Function<LabelledPage, String> f) {
        return pages.parallelStream().map(f).toList();
    }

    public static List<String> references(List<LabelledPage> pages) {
        List<String> out = new ArrayList<>();
        for (LabelledPage p : pages) {
            out.add(p.page().gold().mainText() == null ? "" : p.page().gold().mainText());
        }
        return out;
    }
}
