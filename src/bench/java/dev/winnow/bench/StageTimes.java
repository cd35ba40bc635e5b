package dev.winnow.bench;

import dev.winnow.bench.BenchPages.Page;
import dev.winnow.core.features.PageFeatures;
import dev.winnow.core.model.Prediction;
import dev.winnow.core.segment.Block;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;

/**
 * A small timing harness beside JMH: times every stage of every page, single thread, and
 * reports per-page figures JMH does not give directly: each page's median over the rounds,
 * then the mean and median over pages, each stage's share of the pipeline, and the median of
 * the per-page ratios pipeline/floor and pipeline/boilerpipe. With {@code --loop SECONDS} it
 * only runs one unit over the pages for that long, for a profiler (JFR) to watch: {@code floor},
 * {@code pipeline} or {@code boilerpipe} from the HTML, or {@code segment} (the walk) or
 * {@code label} (features and model) alone over pages parsed and segmented before the clock starts.
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.winnow.bench.StageTimes [--warmup 3] [--rounds 5] [--csv FILE]
 * java -XX:StartFlightRecording=filename=target/pipeline.jfr,settings=profile \
 *      -cp target/benchmarks.jar dev.winnow.bench.StageTimes --loop 60 --only pipeline|segment|label
 * </pre>
 */
public final class StageTimes {

    /**
     * Timed units, in pipeline order, then the references: boilerpipe, and what the HTTP layer's
     * request reader does before the pipeline runs ({@link Stages#httpDecode}).
     */
    static final String[] UNITS = {"floor", "parse", "segment", "features", "rows", "firstPass", "model", "finish",
        "pipeline", "boilerpipe", "httpDecode"};

    private final List<Page> pages;
    private final Map<Page, byte[]> bytes = new IdentityHashMap<>();
    private final Stages stages;
    private long sink;

    StageTimes(List<Page> pages, Stages stages) {
        this.pages = pages;
        this.stages = stages;
        for (Page page : pages) {
            bytes.put(page, page.html().getBytes(StandardCharsets.UTF_8));
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        PrintStream out = System.out;
        List<Page> pages = BenchPages.load();
        Stages stages = Stages.load();
        out.println("# " + BenchPages.describe(pages));
        out.println("# model " + stages.winnow().modelId() + "; " + Runtime.getRuntime().availableProcessors()
                + " CPUs; java " + System.getProperty("java.version"));
        out.println("# load average at start: " + loadAverage());
        StageTimes harness = new StageTimes(pages, stages);
        if (options.containsKey("loop")) {
            harness.loop(options.getOrDefault("only", "pipeline"), Double.parseDouble(options.get("loop")), out);
        } else {
            int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
            int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
            harness.measure(warmup, rounds, options.get("csv"), out);
        }
        out.println("# load average at end: " + loadAverage());
        out.println("# checksum " + harness.sink);
    }

    /** Runs one of floor, pipeline or boilerpipe over the pages, again and again, for {@code seconds}. */
    void loop(String unit, double seconds, PrintStream out) {
        if (!List.of("floor", "pipeline", "boilerpipe", "segment", "label").contains(unit)) {
            throw new IllegalArgumentException("--only takes floor, pipeline, boilerpipe, segment or label, not " + unit);
        }
        // a stage alone is looped over what the stage before it made, made once: a profile of it sees nothing else
        Map<Page, Document> parsed = new IdentityHashMap<>();
        Map<Page, List<Block>> segmented = new IdentityHashMap<>();
        if (unit.equals("segment") || unit.equals("label")) {
            for (Page page : pages) {
                Document document = Stages.parse(page.html());
                parsed.put(page, document);
                segmented.put(page, stages.segment(document));
            }
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long done = 0;
        while (System.nanoTime() < end) {
            for (Page page : pages) {
                sink += switch (unit) {
                    case "floor" -> Stages.floor(page.html());
                    case "pipeline" -> stages.pipeline(page.html());
                    case "segment" -> stages.segment(parsed.get(page)).size();
                    case "label" -> stages.model(Stages.features(segmented.get(page))).length;
                    default -> Stages.boilerpipe(page.html());
                };
                done++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%s: %d pages in %.1f s, %.1f pages/s, %.3f ms/page%n", unit, done, elapsed, done / elapsed,
                1000 * elapsed / done);
    }

    /** Times every unit on every page, {@code rounds} times after {@code warmup} untimed rounds. */
    void measure(int warmup, int rounds, String csv, PrintStream out) throws IOException {
        int n = pages.size();
        double[][][] times = new double[UNITS.length][n][rounds];
        double[] scratch = new double[UNITS.length];
        long start = System.nanoTime();
        for (int r = 0; r < warmup; r++) {
            for (Page page : pages) {
                timeAll(page, scratch);
            }
        }
        out.printf(Locale.ROOT, "# warm-up: %d rounds in %.1f s; load average %s%n", warmup, (System.nanoTime() - start) / 1e9, loadAverage());
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < n; p++) {
                timeAll(pages.get(p), scratch);
                for (int u = 0; u < UNITS.length; u++) {
                    times[u][p][r] = scratch[u];
                }
            }
        }
        // each page's median over the rounds
        double[][] perPage = new double[UNITS.length][n];
        for (int u = 0; u < UNITS.length; u++) {
            for (int p = 0; p < n; p++) {
                perPage[u][p] = median(times[u][p]);
            }
        }
        int pipeline = index("pipeline");
        double pipelineMean = mean(perPage[pipeline]);
        out.printf(Locale.ROOT, "%n%-12s %10s %10s %10s %10s %12s%n", "unit", "mean ms", "median ms", "p90 ms", "max ms", "of pipeline");
        for (int u = 0; u < UNITS.length; u++) {
            double[] sorted = perPage[u].clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "%-12s %10.3f %10.3f %10.3f %10.3f %11.1f%%%n", UNITS[u], mean(sorted), quantile(sorted, 0.5),
                    quantile(sorted, 0.9), sorted[n - 1], 100 * mean(sorted) / pipelineMean);
        }
        double[] overFloor = ratios(perPage[pipeline], perPage[index("floor")]);
        double[] overBoilerpipe = ratios(perPage[pipeline], perPage[index("boilerpipe")]);
        out.printf(Locale.ROOT, "%npipeline/floor:      ratio of means %.2f, median of per-page ratios %.2f (p10 %.2f, p90 %.2f)%n",
                pipelineMean / mean(perPage[index("floor")]), quantile(overFloor, 0.5), quantile(overFloor, 0.1), quantile(overFloor, 0.9));
        out.printf(Locale.ROOT, "pipeline/boilerpipe: ratio of means %.2f, median of per-page ratios %.2f (p10 %.2f, p90 %.2f)%n",
                pipelineMean / mean(perPage[index("boilerpipe")]), quantile(overBoilerpipe, 0.5), quantile(overBoilerpipe, 0.1),
                quantile(overBoilerpipe, 0.9));
        double stagesSum = mean(perPage[index("parse")]) + mean(perPage[index("segment")]) + mean(perPage[index("features")])
                + mean(perPage[index("model")]) + mean(perPage[index("finish")]);
        out.printf(Locale.ROOT, "parse+segment+features+model+finish = %.3f ms/page against pipeline %.3f%n", stagesSum, pipelineMean);
        if (csv != null) {
            List<String> lines = new ArrayList<>();
            lines.add("page,chars," + String.join(",", UNITS));
            for (int p = 0; p < n; p++) {
                StringBuilder line = new StringBuilder(pages.get(p).name()).append(',').append(pages.get(p).html().length());
                for (int u = 0; u < UNITS.length; u++) {
                    line.append(',').append(String.format(Locale.ROOT, "%.4f", perPage[u][p]));
                }
                lines.add(line.toString());
            }
            Files.write(Path.of(csv), lines);
            out.println("per-page medians written to " + csv);
        }
    }

    /** One pass of every unit over one page, each timed alone, in milliseconds. */
    private void timeAll(Page page, double[] ms) {
        String html = page.html();
        long t0 = System.nanoTime();
        sink += Stages.floor(html);
        long t1 = System.nanoTime();
        Document document = Stages.parse(html);
        long t2 = System.nanoTime();
        List<Block> blocks = stages.segment(document);
        long t3 = System.nanoTime();
        PageFeatures features = Stages.features(blocks);
        long t4 = System.nanoTime();
        sink += Stages.rows(features);
        long t5 = System.nanoTime();
        sink += stages.firstPass(features).length;
        long t6 = System.nanoTime();
        Prediction[] predictions = stages.model(features);
        long t7 = System.nanoTime();
        sink += Stages.finish(blocks, predictions).length();
        long t8 = System.nanoTime();
        sink += stages.pipeline(html);
        long t9 = System.nanoTime();
        sink += Stages.boilerpipe(html);
        long t10 = System.nanoTime();
        sink += Stages.httpDecode(bytes.get(page)).childNodeSize();
        long t11 = System.nanoTime();
        long[] t = {t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11};
        for (int u = 0; u < UNITS.length; u++) {
            ms[u] = (t[u + 1] - t[u]) / 1e6;
        }
    }

    static int index(String unit) {
        return Arrays.asList(UNITS).indexOf(unit);
    }

    static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        Arrays.sort(r);
        return r;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return quantile(s, 0.5);
    }

    /** Of a sorted array, by linear interpolation. */
    static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
