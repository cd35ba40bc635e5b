package dev.winnow.train;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.Label;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.Winnow;
import dev.winnow.core.model.LabelModel;
import dev.winnow.core.model.PaywalledAt;
import dev.winnow.core.policy.GateVerdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Chooses, on the dev split, what a two-stage model is served with after training: the weights of
 * the non-editorial labels' shares ({@link LabelModel#reweight}) and the paywall probability from
 * which a page is {@code paywalled}, one for HTML and one for plain text. The second stages learn
 * from blocks people read, where promos, notices and appeals are far commoner than on a page, so
 * their raw shares overcall the rare labels; the weights put the page's odds back. Neither moves the
 * editorial decision, so main text is untouched.
 */
final class Calibration {
    private static final int K = Label.values().length;
    private static final double[] GRID = {0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2};
    private static final double[] THRESHOLDS = {0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99};
    private static final Label[] RARE = {Label.PROMO, Label.PAYWALL, Label.DONATION};

    /** Draws of two halves of dev's sites for the check that the grid's weights hold on sites they were not chosen on. */
    static final int DRAWS = 40;
    /** The halves are drawn the same way on every run, so calibrate chooses the same weights for the same model. */
    private static final long SEED = 20261206L;

    /** A block people labelled on {@code site}, with the model's unweighted probabilities. */
    record Scored(String site, Label gold, double[] p) {
    }

    /** The mean F1 of the rare labels on the half of dev's sites a choice was not made on, for each way of choosing. */
    record HeldOut(double grid, double unweighted) {
        boolean gridHolds() {
            return grid > unweighted;
        }
    }

    /** A page people read: gated when a person labelled a block paywall, with its blocks' probabilities. */
    private record ReadPage(boolean gated, List<double[]> blocks) {
    }

    record Choice(double[] weights, PaywalledAt paywalledAt) {
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
        Read asHtml = read(dev, fine);
        Read asText = read(dev.stream().map(LabelledPage::asText).toList(), fine);
        List<Scored> html = asHtml.blocks();
        List<Scored> text = asText.blocks();
        out.println("people-labelled dev blocks: " + html.size() + " (HTML), " + text.size() + " (text)");
        double[] grid = gridBest(html, text);
        double[] none = weights(1, 1, 1);
        out.printf(Locale.ROOT, "unweighted: mean F1 of promo, paywall, donation %.3f (HTML %s, text %s)%n",
                score(html, text, none), f1s(html, none), f1s(text, none));
        out.printf(Locale.ROOT, "weights %s: mean F1 %.3f (HTML %s, text %s)%n", Arrays.toString(grid), score(html, text, grid),
                f1s(html, grid), f1s(text, grid));
        HeldOut heldOut = heldOut(html, text, new Random(SEED));
        out.printf(Locale.ROOT, "on the half of dev's sites not chosen on (%d draws of two halves): grid's weights %.4f, unweighted %.4f%n",
                DRAWS, heldOut.grid(), heldOut.unweighted());
        double[] best = heldOut.gridHolds() ? grid : none;
        if (!heldOut.gridHolds()) {
            out.println("the grid's weights do not hold on sites they were not chosen on; the model keeps the shares unweighted");
        }

        PaywalledAt paywalledAt = new PaywalledAt(threshold("HTML", asHtml.pages(), best), threshold("plain text", asText.pages(), best));
        out.printf(Locale.ROOT, "chosen: weights %s, paywalled from p %.2f (HTML), %.2f (plain text)%n", Arrays.toString(best),
                paywalledAt.html(), paywalledAt.text());
        return new Choice(best, paywalledAt);
    }

    /**
     * The lowest threshold from which {@code paywalled} has a precision of 0.95 or more on the pages
     * people read, read in one form, and finds a gated page; the highest tried when none does.
     */
    private double threshold(String form, List<ReadPage> pages, double[] weights) {
        out.println("paywalled threshold on " + pages.size() + " dev pages people read, as " + form + " ("
                + pages.stream().filter(ReadPage::gated).count() + " gated):");
        double chosen = Double.NaN;
        for (double t : THRESHOLDS) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (ReadPage page : pages) {
                boolean predicted = paywalled(page, weights, t);
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
            out.println("no threshold reaches precision 0.95 with a page found; the highest is taken");
            return THRESHOLDS[THRESHOLDS.length - 1];
        }
        return chosen;
    }

    /**
     * The grid's weights for the mean F1 of the rare labels over both modes. A thousand choices
     * fitted to dev's few paywall sites can fit those sites rather than the labels, so the caller
     * keeps them only if {@link #heldOut} says they hold on other sites.
     */
    static double[] gridBest(List<Scored> html, List<Scored> text) {
        double[] best = null;
        double bestScore = -1;
        for (double promo : GRID) {
            for (double paywall : GRID) {
                for (double donation : GRID) {
                    double[] w = weights(promo, paywall, donation);
                    double score = score(html, text, w);
                    if (score > bestScore + 1e-12) {
                        bestScore = score;
                        best = w;
                    }
                }
            }
        }
        return best;
    }

    /**
     * Chooses the grid's weights on one half of dev's sites and scores them on the other, both
     * ways, over {@link #DRAWS} random halves, beside no weights on the same halves: whether the
     * choice carries to sites it was not made on, as it must to a user's.
     */
    static HeldOut heldOut(List<Scored> html, List<Scored> text, Random random) {
        List<String> sites = new ArrayList<>(new TreeSet<>(html.stream().map(Scored::site).toList()));
        double[] none = weights(1, 1, 1);
        double grid = 0;
        double unweighted = 0;
        for (int d = 0; d < DRAWS; d++) {
            Collections.shuffle(sites, random);
            Set<String> first = new HashSet<>(sites.subList(0, sites.size() / 2));
            for (boolean chooseOnFirst : new boolean[] {true, false}) {
                Predicate<Scored> chosenOn = s -> first.contains(s.site()) == chooseOnFirst;
                double[] w = gridBest(filter(html, chosenOn), filter(text, chosenOn));
                List<Scored> heldHtml = filter(html, chosenOn.negate());
                List<Scored> heldText = filter(text, chosenOn.negate());
                grid += score(heldHtml, heldText, w);
                unweighted += score(heldHtml, heldText, none);
            }
        }
        return new HeldOut(grid / (2 * DRAWS), unweighted / (2 * DRAWS));
    }

    private static List<Scored> filter(List<Scored> blocks, Predicate<Scored> keep) {
        return blocks.stream().filter(keep).toList();
    }

    private static double score(List<Scored> html, List<Scored> text, double[] w) {
        return (meanRareF1(html, w) + meanRareF1(text, w)) / 2;
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

    /** What dev says in one form: the blocks people labelled, and the pages people read for {@code paywalled}. */
    private record Read(List<Scored> blocks, List<ReadPage> pages) {
    }

    /** Labels each page once for both: the weights and the thresholds are chosen from the same predictions. */
    private Read read(List<LabelledPage> pages, FineLabels fine) {
        List<Scored> blocks = new ArrayList<>();
        List<ReadPage> read = new ArrayList<>();
        for (LabelledPage page : pages) {
            List<LabelledBlock> predicted = winnow.label(page.blocks(), CleanOptions.DEFAULT);
            List<double[]> p = predicted.stream().map(b -> b.prediction().probabilities().clone()).toList();
            for (int i = 0; i < p.size(); i++) {
                Label gold = page.labels()[i];
                if (gold != null && fine.lookup(page.page(), page.blocks().get(i).text()) != null) {
                    blocks.add(new Scored(Split.normalise(page.page().domain()), gold, p.get(i)));
                }
            }
            Boolean gated = Evaluation.gated(page);
            if (gated != null) {
                read.add(new ReadPage(gated, p));
            }
        }
        return new Read(blocks, read);
    }

    /** What serving says of the page with these weights and threshold: a sure paywall notice beside the article. */
    private static boolean paywalled(ReadPage page, double[] weights, double threshold) {
        int n = page.blocks().size();
        boolean[] gates = new boolean[n];
        boolean[] editorial = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] p = page.blocks().get(i).clone();
            LabelModel.reweight(p, weights);
            int label = LabelModel.decide(p);
            gates[i] = LabelModel.gates(label, p, threshold);
            editorial[i] = label == Label.EDITORIAL.ordinal();
        }
        return GateVerdict.gated(gates, editorial);
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
            confusion.add(s.gold(), Label.values()[LabelModel.decide(p)]);
        }
        double[] f = new double[RARE.length];
        for (int r = 0; r < RARE.length; r++) {
            f[r] = confusion.f1(RARE[r]);
        }
        return f;
    }
}
