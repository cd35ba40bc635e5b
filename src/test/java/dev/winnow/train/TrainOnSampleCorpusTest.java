package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Label;
import dev.winnow.core.Winnow;
import dev.winnow.core.model.LabelModel;
import dev.winnow.core.model.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.SparseLogisticRegression;

/**
 * Runs {@code train} and {@code evaluate} end to end on the committed sample corpus (15 WCXB
 * pages with people's labels), with small settings so it takes seconds.
 */
class TrainOnSampleCorpusTest {

    static final Path SAMPLE = Path.of("src/test/resources/sample-corpus");
    static final String[] SMALL = {"--data", SAMPLE.toString(), "--labels", SAMPLE.resolve("labels.jsonl").toString(),
            "--splits", "all", "--trees", "10", "--maxIter", "40", "--augment-copies", "1", "--augment-html-copies", "1", "--augment-every", "25"};

    @TempDir
    static Path dir;
    static String firstId;
    static Trained first;

    @BeforeAll
    static void trainOnce() throws Exception {
        first = train(dir.resolve("a.model"));
        firstId = Winnow.fromFile(dir.resolve("a.model")).modelId();
    }

    @Test
    void trainingTwiceOnTheSameCorpusGivesTheSameModelId() throws Exception {
        run(concat(new String[] {"train"}, SMALL, new String[] {"--out", dir.resolve("b.model").toString()}));
        String secondId = Winnow.fromFile(dir.resolve("b.model")).modelId();
        assertEquals(firstId, secondId, "same corpus and settings must give the same model");
        assertTrue(first.output().contains(firstId), first.output());
    }

    @Test
    void theWrittenModelKeepsEveryLinearScorersCoefficientsAsFloats() throws Exception {
        LabelModel model = ModelFile.read(dir.resolve("a.model"));
        int scorers = 0;
        for (SparseLogisticRegression scorer : new SparseLogisticRegression[] {model.firstPass(), model.fineFirstPass(), model.wordsPass(),
                model.stemmedWordsPass()}) {
            if (scorer == null) {
                continue;
            }
            scorers++;
            long nonZero = 0;
            for (double[] row : FloatCoefficients.coefficients(scorer)) {
                for (double x : row) {
                    assertEquals((double) (float) x, x, 0.0);
                    nonZero += x != 0 ? 1 : 0;
                }
            }
            assertTrue(nonZero > 0, "a trained scorer has weights");
        }
        assertEquals(4, scorers, "the default settings train all four linear scorers");
    }

    @Test
    void evaluatePrintsEveryFigureOfTheModelCard() throws Exception {
        String report = run(new String[] {"evaluate", "--data", SAMPLE.toString(), "--labels", SAMPLE.resolve("labels.jsonl").toString(),
                "--model", dir.resolve("a.model").toString(), "--split", "all"});
        assertTrue(report.contains("model " + firstId), report);
        for (String section : new String[] {"block labels, HTML mode", "block labels, text mode", "WCXB word F1",
                "article pages, text mode", "C4 line rules", "editorial hard negatives kept", "paywalled precision",
                "paywalled, text mode", "summary:"}) {
            assertTrue(report.contains(section), "missing '" + section + "' in\n" + report);
        }
        for (Label label : Label.values()) {
            assertTrue(report.contains(label.id()), report);
        }
        assertTrue(report.contains("warning: model " + firstId + " was trained on [train, dev, test]"),
                "figures on pages the model learnt from must say so:\n" + report);
        // the model has seen these pages, so it must reproduce most of their gold main text
        Matcher f1 = Pattern.compile("all pages, HTML mode:\\s+F1 ([0-9.]+)").matcher(report);
        assertTrue(f1.find(), report);
        assertTrue(Double.parseDouble(f1.group(1)) > 0.7, "word F1 on training pages too low:\n" + report);
    }

    /**
     * {@code calibrate} chooses on dev, so a model that trained on dev would choose by pages it
     * learnt from; it must refuse, and say how to calibrate instead.
     */
    @Test
    void calibrateRefusesAModelTrainedOnDev() throws Exception {
        Path out = dir.resolve("calibrated.model");
        String report = refused(new String[] {"calibrate", "--data", SAMPLE.toString(), "--labels", SAMPLE.resolve("labels.jsonl").toString(),
                "--model", dir.resolve("a.model").toString(), "--out", out.toString()});
        assertTrue(report.contains("error: model " + firstId + " was trained on dev") && report.contains("--splits train"), report);
        assertTrue(Files.notExists(out), "nothing is written");
    }

    @Test
    void missesListsEveryPeopleLabelledBlockTheModelLabelsOtherwise() throws Exception {
        String report = run(new String[] {"misses", "--data", SAMPLE.toString(), "--labels", SAMPLE.resolve("labels.jsonl").toString(),
                "--model", dir.resolve("a.model").toString(), "--split", "all", "--label", "boilerplate"});
        Matcher summary = Pattern.compile("(\\d+) of (\\d+) boilerplate blocks labelled otherwise \\(HTML mode\\)").matcher(report);
        assertTrue(summary.find(), report);
        int missed = Integer.parseInt(summary.group(1));
        assertTrue(Integer.parseInt(summary.group(2)) > 0, "the sample corpus has people's boilerplate labels:\n" + report);
        long listed = report.lines().filter(l -> l.startsWith("wcxb:")).count();
        assertEquals(missed, listed, report);
        report.lines().filter(l -> l.startsWith("wcxb:"))
                .forEach(l -> assertTrue(!l.split("\t")[2].equals("boilerplate"), "listed though right: " + l));
    }

    @Test
    void aHigherEditorialThresholdNeverKeepsMoreHardNegatives() throws Exception {
        String report = run(new String[] {"editorial-threshold", "--data", SAMPLE.toString(), "--labels", SAMPLE.resolve("labels.jsonl").toString(),
                "--model", dir.resolve("a.model").toString(), "--split", "all"});
        Matcher kept = Pattern.compile("from P\\(editorial\\) ([0-9.]+): hard negatives kept ([0-9.]+|NaN)").matcher(report);
        double previous = 1;
        int lines = 0;
        while (kept.find()) {
            lines++;
            if (!kept.group(2).equals("NaN")) {
                double share = Double.parseDouble(kept.group(2));
                assertTrue(share <= previous, report);
                previous = share;
            }
        }
        assertEquals(7, lines, report);
        assertTrue(report.contains("wcxb F1"), report);
    }

    /**
     * {@code --words-cap} draws fewer of a page's editorial rows for the words-only scorer alone:
     * the first stage's rows stay as they were, so a larger first-stage draw need not shift that
     * scorer towards editorial.
     */
    @Test
    void theWordsOnlyScorersDrawIsItsOwn() throws Exception {
        String drawn = first.log();
        String fewer = train(dir.resolve("w.model"), "--words-cap", "2").log();
        assertEquals(rows(drawn, "first pass"), rows(fewer, "first pass"), "the first stage's rows are unchanged");
        assertTrue(rows(fewer, "words-only scorer") < rows(drawn, "words-only scorer"),
                "the words-only scorer learns from fewer rows:\n" + fewer);
    }

    /**
     * {@code --folds} sets how many site folds make the out-of-fold scores the context pass learns
     * from: each fold's scorers are fitted once, and fewer than two folds cannot hold any site out.
     */
    @Test
    void theOutOfFoldScoresComeFromAsManyFoldsAsAsked() throws Exception {
        assertTrue(first.log().contains("fold 3 of 3 done"), first.log());
        String five = train(dir.resolve("f.model"), "--folds", "5").log();
        for (int fold = 0; fold < 5; fold++) {
            assertTrue(Pattern.compile("\\[winnow\\] first pass on \\d+ rows \\(held out fold " + fold + "\\)").matcher(five).find(),
                    "no first pass holding out fold " + fold + ":\n" + five);
        }
        assertTrue(five.contains("fold 5 of 5 done") && !five.contains("fold 6 of"), five);
        assertTrue(ModelFile.read(dir.resolve("f.model")).card().get("settings").contains(", 5 folds;"), "the model's settings say so");

        Path none = dir.resolve("one-fold.model");
        String report = refused(concat(new String[] {"train"}, SMALL, new String[] {"--folds", "1", "--out", none.toString()}));
        assertTrue(report.contains("error: --folds takes 2 or more"), report);
        assertTrue(Files.notExists(none), "nothing is written");
    }

    /** What {@code train} printed, and what it logged to standard error. */
    record Trained(String output, String log) {
    }

    /** Runs {@code train} on the sample corpus with {@code extra} settings, writing {@code out}. */
    private static Trained train(Path out, String... extra) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            String output = run(concat(new String[] {"train"}, SMALL, extra, new String[] {"--out", out.toString()}));
            return new Trained(output, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    /** How many rows the log says {@code what} was fitted on, summed over its folds. */
    private static long rows(String log, String what) {
        Matcher m = Pattern.compile("\\[winnow\\] " + Pattern.quote(what) + " on (\\d+) rows").matcher(log);
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        assertTrue(sum > 0, "no '" + what + "' rows in\n" + log);
        return sum;
    }

    static String run(String[] args) throws Exception {
        return exiting(0, args);
    }

    /** What a command that must fail (exit 1, with its "error: …" line) printed. */
    static String refused(String[] args) throws Exception {
        return exiting(1, args);
    }

    private static String exiting(int expected, String[] args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = TrainCli.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(expected, code, out);
        return out;
    }

    static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
