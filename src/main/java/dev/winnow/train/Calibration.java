package dev.winnow.train;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.Label;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.Winnow;
import dev.winnow.core.model.EditorialDecision;
import dev.winnow.core.model.LabelModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Chooses, on the dev split, what a two-stage model is served with after training: from which
 * editorial probability a page's blocks are kept ({@link EditorialDecision}), the weights of the
 * non-editorial labels' shares ({@link LabelModel#reweight}) and the paywall probability from
 * which a page is {@code paywalled}. The editorial decision is chosen first, for main text alone
 * (the mean of WCXB's and webis-ceb's word F1 and trafilatura-eval's snippet F); the weights and
 * the paywalled threshold then see the labels it leaves. The second stages learn from blocks
 * people read, where promos, notices and appeals are far commoner than on a page, so their raw
 * shares overcall the rare labels; the weights put the page's odds back without moving the
 * editorial decision.
 */
final class Calibration {
    private static final int K = Label.values().length;
    private static final double[] GRID = {0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2};
    private static final double[] THRESHOLDS = {0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99};
    private static final Label[] RARE = {Label.PROMO, Label.PAYWALL, Label.DONATION};
    private static final double[] EDITORIAL_AT = {0.5, 0.55, 0.6, 0.65};
    private static final double[] FALLBACK_AT = {0.2, 0.25, 0.3, 0.35, 0.4};
    private static final double[] FALLBACK_SHARE = {0.3, 0.4, 0.5, 0.6, 0.7};
    /** A decision must beat keeping what is more likely than not by this much to be taken. */
    private static final double MARGIN = 0.002;

    /** A block people labelled, with the model's unweighted probabilities and its page's editorial threshold. */
    private record Scored(Label gold, double[] p, double editorialAt) {
    }

    /** A page people read: gated when a person labelled a block paywall, with its blocks' probabilities and editorial threshold. */
    private record ReadPage(boolean gated, List<double[]> blocks, double editorialAt) {
    }

    /** A dev page with gold main text or snippets, with its blocks' probabilities. */
    private record MainTextPage(LabelledPage page, double[][] p) {
        String kept(EditorialDecision decision) {
            double at = decision.threshold(p, page.blocks());
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < p.length; i++) {
                if (p[i][Label.EDITORIAL.ordinal()] >= at) {
                    text.append(page.blocks().get(i).text()).append('\n');
                }
            }
            return text.toString();
        }

        boolean from(String source) {
            return page.page().key().startsWith(source + ":");
        }
    }

    record Choice(double[] weights, double paywalledAt, EditorialDecision editorial) {
    }

    private final Winnow winnow;
    private final PrintStream out;

    Calibration(Winnow winnow, PrintStream out) {
        if (winnow.model().outputWeights() != null) {
            throw new IllegalStateException("calibrate needs a model without output weights (as train writes it before calibration)");
        }
        this.winnow = winnow;
        this.out = out;
    }

    Choice choose(List<LabelledPage> dev, FineLabels fine) {
        EditorialDecision editorial = chooseEditorial(dev, fine);
        List<Scored> html = scored(dev, fine, editorial);
        List<Scored> text = scored(dev.stream().map(LabelledPage::asText).toList(), fine, editorial);
        out.println("people-labelled dev blocks: " + html.size() + " (HTML), " + text.size() + " (text)");
        double[] best = null;
        double bestScore = -1;
        for (double promo : GRID) {
            for (double paywall : GRID) {
                for (double donation : GRID) {
                    double[] w = weights(promo, paywall, donation);
                    double score = (meanRareF1(html, w) + meanRareF1(text, w)) / 2;
                    if (score > bestScore + 1e-12) {
                        bestScore = score;
                        best = w;
                    }
                }
            }
        }
        double[] none = weights(1, 1, 1);
        out.printf(Locale.ROOT, "unweighted: mean F1 of promo, paywall, donation %.3f (HTML %s, text %s)%n",
                (meanRareF1(html, none) + meanRareF1(text, none)) / 2, f1s(html, none), f1s(text, none));
        out.printf(Locale.ROOT, "weights %s: mean F1 %.3f (HTML %s, text %s)%n", Arrays.toString(best), bestScore,
                f1s(html, best), f1s(text, best));

        List<ReadPage> pages = readPages(dev, editorial);
        double chosen = Double.NaN;
        out.println("paywalled threshold on " + pages.size() + " dev pages people read ("
                + pages.stream().filter(ReadPage::gated).count() + " gated):");
        for (double t : THRESHOLDS) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (ReadPage page : pages) {
                boolean predicted = false;
                for (double[] raw : page.blocks()) {
                    double[] p = raw.clone();
                    LabelModel.reweight(p, best);
                    predicted |= LabelModel.decide(p, page.editorialAt()) == Label.PAYWALL.ordinal() && p[Label.PAYWALL.ordinal()] >= t;
                }
                if (predicted && page.gated()) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (page.gated()) {
                    fn++;
                }
            }
            double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
            out.printf(Locale.ROOT, "  from p %.2f: precision %.3f recall %.3f (TP %d FP %d FN %d)%n", t, precision,
                    tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn), tp, fp, fn);
            if (Double.isNaN(chosen) && tp > 0 && precision >= 0.95) {
                chosen = t;
            }
        }
        if (Double.isNaN(chosen)) {
            chosen = THRESHOLDS[THRESHOLDS.length - 1];
            out.println("no threshold reaches precision 0.95 with a page found; the highest is taken");
        }
        out.printf(Locale.ROOT, "chosen: weights %s, paywalled from p %.2f%n", Arrays.toString(best), chosen);
        return new Choice(best, chosen, editorial);
    }

    private EditorialDecision chooseEditorial(List<LabelledPage> dev, FineLabels fine) {
        List<MainTextPage> pages = dev.parallelStream()
                .filter(p -> p.page().gold().mainText() != null || !p.page().gold().with().isEmpty() || !p.page().gold().without().isEmpty())
                .map(p -> new MainTextPage(p, probabilities(winnow.label(p.blocks(), CleanOptions.DEFAULT))))
                .toList();
        EditorialDecision plain = EditorialDecision.MORE_LIKELY_THAN_NOT;
        double plainScore = mainTextScore(pages, plain, false);
        EditorialDecision best = plain;
        double bestScore = plainScore + MARGIN;
        for (double at : EDITORIAL_AT) {
            for (double fallbackAt : FALLBACK_AT) {
                for (double share : FALLBACK_SHARE) {
                    EditorialDecision d = new EditorialDecision(at, fallbackAt, share);
                    double score = mainTextScore(pages, d, false);
                    if (score > bestScore + 1e-12) {
                        bestScore = score;
                        best = d;
                    }
                }
            }
        }
        out.println("editorial decision on " + pages.size() + " dev pages with gold main text or snippets:");
        out.printf(Locale.ROOT, "  %s: mean %.3f%n", plain.describe(), mainTextScore(pages, plain, true));
        if (best != plain) {
            out.printf(Locale.ROOT, "  %s: mean %.3f%n", best.describe(), mainTextScore(pages, best, true));
        }
        out.printf(Locale.ROOT, "  hard negatives kept (HTML): %.3f then %.3f%n", hardNegativesKept(dev, fine, plain), hardNegativesKept(dev, fine, best));
        out.println("chosen: " + best.describe());
        return best;
    }

    /** The mean of WCXB's and webis-ceb's word F1 and trafilatura-eval's snippet F, each set's lines printed when asked. */
    private double mainTextScore(List<MainTextPage> pages, EditorialDecision decision, boolean print) {
        double sum = 0;
        for (String source : List.of("wcxb", WebisPages.SOURCE)) {
            List<MainTextPage> set = pages.stream().filter(p -> p.from(source) && p.page().page().gold().mainText() != null).toList();
            Evaluation.WordScore score = Evaluation.wordScore(set.stream().map(p -> p.kept(decision)).toList(),
                    set.stream().map(p -> p.page().page().gold().mainText()).toList());
            sum += score.f1();
            if (print) {
                out.printf(Locale.ROOT, "    %-12s %s%n", source, score.line());
            }
        }
        List<MainTextPage> snippets = pages.stream().filter(p -> p.from("trafilatura")).toList();
        Evaluation.SnippetScore score = Evaluation.snippetScore(snippets.stream().map(p -> p.kept(decision)).toList(),
                snippets.stream().map(p -> p.page().page().gold()).toList());
        if (print) {
            out.printf(Locale.ROOT, "    %-12s %s%n", "trafilatura", score.line());
        }
        return (sum + score.f1()) / 3;
    }

    private double hardNegativesKept(List<LabelledPage> dev, FineLabels fine, EditorialDecision decision) {
        int total = 0;
        int kept = 0;
        for (LabelledPage page : dev) {
            double[][] p = null;
            double at = 0;
            for (int i = 0; i < page.blocks().size(); i++) {
                if (fine.isHardNegative(page.page(), page.blocks().get(i).text())) {
                    if (p == null) {
                        p = probabilities(winnow.label(page.blocks(), CleanOptions.DEFAULT));
                        at = decision.threshold(p, page.blocks());
                    }
                    total++;
                    kept += p[i][Label.EDITORIAL.ordinal()] >= at ? 1 : 0;
                }
            }
        }
        return total == 0 ? Double.NaN : (double) kept / total;
    }

    private static double[][] probabilities(List<LabelledBlock> labelled) {
        double[][] p = new double[labelled.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = labelled.get(i).prediction().probabilities().clone();
        }
        return p;
    }

    private static double[] weights(double promo, double paywall, double donation) {
        double[] w = new double[K];
        w[Label.EDITORIAL.ordinal()] = 1;
        w[Label.BOILERPLATE.ordinal()] = 1;
        w[Label.PROMO.ordinal()] = promo;
        w[Label.PAYWALL.ordinal()] = paywall;
        w[Label.DONATION.ordinal()] = donation;
        return w;
    }

    private List<Scored> scored(List<LabelledPage> pages, FineLabels fine, EditorialDecision decision) {
        List<Scored> out = new ArrayList<>();
        for (LabelledPage page : pages) {
            double[][] p = probabilities(winnow.label(page.blocks(), CleanOptions.DEFAULT));
            double at = decision.threshold(p, page.blocks());
            for (int i = 0; i < p.length; i++) {
                Label gold = page.labels()[i];
                if (gold != null && fine.lookup(page.page(), page.blocks().get(i).text()) != null) {
                    out.add(new Scored(gold, p[i], at));
                }
            }
        }
        return out;
    }

    private List<ReadPage> readPages(List<LabelledPage> pages, EditorialDecision decision) {
        List<ReadPage> out = new ArrayList<>();
        for (LabelledPage page : pages) {
            Boolean gated = Evaluation.gated(page);
            if (gated != null) {
                double[][] p = probabilities(winnow.label(page.blocks(), CleanOptions.DEFAULT));
                out.add(new ReadPage(gated, List.of(p), decision.threshold(p, page.blocks())));
            }
        }
        return out;
    }

    private static double meanRareF1(List<Scored> blocks, double[] w) {
        double[] f = rareF1(blocks, w);
        return (f[0] + f[1] + f[2]) / 3;
    }

    private static String f1s(List<Scored> blocks, double[] w) {
        double[] f = rareF1(blocks, w);
        return String.format(Locale.ROOT, "promo %.3f paywall %.3f donation %.3f", f[0], f[1], f[2]);
    }

    private static double[] rareF1(List<Scored> blocks, double[] w) {
        Evaluation.Confusion confusion = Evaluation.Confusion.empty();
        for (Scored s : blocks) {
            double[] p = s.p().clone();
            LabelModel.reweight(p, w);
            confusion.add(s.gold(), Label.values()[LabelModel.decide(p, s.editorialAt())]);
        }
        double[] f = new double[RARE.length];
        for (int r = 0; r < RARE.length; r++) {
            f[r] = confusion.f1(RARE[r]);
        }
        return f;
    }
}
