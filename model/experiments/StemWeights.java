package dev.winnow.core.features;

import com.fasterxml.jackson.databind.*;
import dev.winnow.core.Label;
import dev.winnow.core.model.*;
import dev.winnow.train.Split;
import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;
import java.util.zip.GZIPInputStream;
import smile.classification.SparseLogisticRegression;

/**
 * Which stems a stems model's words-only scorer leans on (model/README.md, "Stems that weigh less than
 * words"): every five-letter stem in at least eight of the training split's people-labelled blocks,
 * with each rare label's coefficient less editorial's, and how many blocks of each label (and how many
 * hard negatives) hold it. Reads no dev or test block. Not part of the build: compile it beside the
 * main classes and run {@code StemWeights <model> model/corpus/labels.jsonl.gz}. It reads the scorer
 * that holds the stems: the stemmed words-only scorer of the shipped model (session 28 on), or the one
 * words-only scorer of the models the earlier stems patches trained (words-stems.patch,
 * words-stems-context.patch and stems-weight.patch, in the history at 32f5a0f). Words are split as runs of letters and
 * digits, close to but not exactly as {@link TextStats} splits them, and every word longer than
 * {@link TextStats#PREFIX} gives a stem, as before stems-from-seven.patch.
 */
public class StemWeights {
    public static void main(String[] a) throws Exception {
        LabelModel m = ModelFile.read(Path.of(a[0]));
        boolean second = m.stemmedWordsPass() != null;
        double[][] coef = ((SparseLogisticRegression.Multinomial) (second ? m.stemmedWordsPass() : m.wordsPass())).coefficients();
        int[] classes = second ? m.stemmedWordsClasses() : m.wordsClasses();
        int K = Label.values().length;
        Map<String, int[]> df = new HashMap<>();
        Map<String, Integer> hnDf = new HashMap<>();
        ObjectMapper om = new ObjectMapper();
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(new FileInputStream(a[1])), "UTF-8"))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = om.readTree(line);
                if (Split.of(n.get("domain").asText()) != Split.TRAIN) continue;
                Label l = Label.fromId(n.get("label").asText());
                boolean hn = n.has("hardNegative") && n.get("hardNegative").asBoolean();
                Set<String> seen = new HashSet<>();
                Matcher mt = word.matcher(n.get("text").asText());
                while (mt.find()) {
                    String w = mt.group().toLowerCase(Locale.ROOT);
                    if (w.codePointCount(0, w.length()) <= TextStats.PREFIX || w.chars().allMatch(Character::isDigit)) continue;
                    seen.add(w.substring(0, w.offsetByCodePoints(0, TextStats.PREFIX)));
                }
                for (String s : seen) {
                    df.computeIfAbsent(s, k -> new int[K])[l.ordinal()]++;
                    if (hn) hnDf.merge(s, 1, Integer::sum);
                }
            }
        }
        int dense = PageFeatures.DENSE, hashed = PageFeatures.DIMENSION - dense;
        record Row(String stem, double[] w, int[] df, int hn) {}
        List<Row> rows = new ArrayList<>();
        for (var e : df.entrySet()) {
            int total = Arrays.stream(e.getValue()).sum();
            if (total < 8) continue;
            int idx = dense + Math.floorMod(Hashing.of(Hashing.PREFIX, e.getKey()), hashed);
            // Smile's multinomial model fixes its last class's coefficients at zero: that label keeps 0 here
            double[] w = new double[K];
            for (int c = 0; c < coef.length; c++) w[classes[c]] = coef[c][idx];
            rows.add(new Row(e.getKey(), w, e.getValue(), hnDf.getOrDefault(e.getKey(), 0)));
        }
        int ed = Label.EDITORIAL.ordinal(), pr = Label.PROMO.ordinal(), pw = Label.PAYWALL.ordinal(), dn = Label.DONATION.ordinal();
        for (Label l : new Label[] {Label.PAYWALL, Label.DONATION, Label.PROMO}) {
            int k = l.ordinal();
            rows.sort(Comparator.comparingDouble((Row x) -> -(x.w[k] - x.w[ed])));
            System.out.println("== " + l + ": stems pushing furthest from editorial (w[" + l + "]-w[editorial]); df per label ed/bp/pr/pw/do; hard-negative df");
            for (Row x : rows.subList(0, Math.min(25, rows.size()))) {
                System.out.printf(Locale.ROOT, "%-8s %+.2f  df %s  hn %d%n", x.stem, x.w[k] - x.w[ed], Arrays.toString(x.df), x.hn);
            }
        }
        System.out.println("== stems in >=5 hard negatives, by max rare push");
        rows.sort(Comparator.comparingDouble((Row x) -> -Math.max(x.w[pr], Math.max(x.w[pw], x.w[dn])) + x.w[ed]));
        for (Row x : rows) if (x.hn >= 5) System.out.printf(Locale.ROOT, "%-8s pr %+.2f pw %+.2f do %+.2f  df %s hn %d%n", x.stem, x.w[pr]-x.w[ed], x.w[pw]-x.w[ed], x.w[dn]-x.w[ed], Arrays.toString(x.df), x.hn);
    }
}
