package dev.winnow.bench;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.CleanResult;
import dev.winnow.core.Input;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.Winnow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What two model files answer differently on the same pages: blocks whose label moved, pages
 * whose cleaned text moved, and the largest change of any probability, in HTML mode and in text
 * mode. Where {@link AnswersDigest} says whether anything moved, this says how much, for a change
 * meant to move answers by no more than rounding (a model stored smaller, say).
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.winnow.bench.AnswersDiff A.model B.model [FOLDER [COUNT]]...
 * </pre>
 * Each folder's first COUNT {@code .html} or {@code .html.gz} files, by name (default 400).
 */
public final class AnswersDiff {

    private static final CleanOptions ANSWERS = CleanOptions.DEFAULT.withBlocks(true);

    private AnswersDiff() {
    }

    /** Counts over one folder, one mode. */
    private static final class Tally {
        long blocks;
        long labelsMoved;
        long shifted;
        int pages;
        int outputsMoved;
        double largestShift;

        void add(CleanResult a, CleanResult b) {
            pages++;
            outputsMoved += a.output().equals(b.output()) ? 0 : 1;
            List<LabelledBlock> x = a.blocks();
            List<LabelledBlock> y = b.blocks();
            if (x.size() != y.size()) {
                throw new IllegalStateException("the two models saw different blocks: the segmenter is not theirs to change");
            }
            for (int i = 0; i < x.size(); i++) {
                blocks++;
                labelsMoved += x.get(i).label() == y.get(i).label() ? 0 : 1;
                double[] p = x.get(i).prediction().probabilities();
                double[] q = y.get(i).prediction().probabilities();
                double shift = 0;
                for (int k = 0; k < p.length; k++) {
                    shift = Math.max(shift, Math.abs(p[k] - q[k]));
                }
                shifted += shift > 0 ? 1 : 0;
                largestShift = Math.max(largestShift, shift);
            }
        }

        @Override
        public String toString() {
            return String.format("%d of %d blocks relabelled, %d with any probability changed (largest change %.2e), %d of %d cleaned texts differ",
                    labelsMoved, blocks, shifted, largestShift, outputsMoved, pages);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AnswersDiff A.model B.model [FOLDER [COUNT]]...");
            System.exit(2);
        }
        Winnow a = Winnow.fromFile(Path.of(args[0]));
        Winnow b = Winnow.fromFile(Path.of(args[1]));
        System.out.printf("%s against %s%n", a.modelId(), b.modelId());
        for (BenchPages.Folder folder : BenchPages.folders(args, 2)) {
            Tally html = new Tally();
            Tally text = new Tally();
            for (BenchPages.Page page : BenchPages.load(folder.path(), folder.count())) {
                CleanResult asHtml = a.clean(Input.html(page.html()), ANSWERS);
                html.add(asHtml, b.clean(Input.html(page.html()), ANSWERS));
                Input asText = AnswersDigest.asText(asHtml);
                text.add(a.clean(asText, ANSWERS), b.clean(asText, ANSWERS));
            }
            System.out.printf("%s%n  HTML mode: %s%n  text mode: %s%n", folder.path(), html, text);
        }
    }
}
