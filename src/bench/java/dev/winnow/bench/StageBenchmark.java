package dev.winnow.bench;

import dev.winnow.bench.BenchPages.Page;
import dev.winnow.core.features.PageFeatures;
import dev.winnow.core.model.Prediction;
import dev.winnow.core.segment.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each stage of {@code Winnow.clean} alone, on inputs the previous stage produced in set-up:
 * Jsoup parse, the segmenter's walk over a parsed page, the features, the sparse rows, the
 * first pass (rows included), the whole model (rows, first and context pass), and the drop
 * policy plus rendering. Same pages and same one-page-per-operation cycling as
 * {@link PipelineBenchmark}, so the figures add up against its pipeline time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Threads(1)
@State(Scope.Thread)
public class StageBenchmark {

    private List<Page> pages;
    private Stages stages;
    private List<Document> documents;
    private List<List<Block>> blocks;
    private List<PageFeatures> features;
    private List<Prediction[]> predictions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        pages = BenchPages.load();
        stages = Stages.load();
        documents = new ArrayList<>();
        blocks = new ArrayList<>();
        features = new ArrayList<>();
        predictions = new ArrayList<>();
        for (Page page : pages) {
            Document d = Stages.parse(page.html());
            List<Block> b = stages.segment(d);
            PageFeatures f = Stages.features(b);
            documents.add(d);
            blocks.add(b);
            features.add(f);
            predictions.add(stages.model(f));
        }
        System.out.println("\n# " + BenchPages.describe(pages) + "; model " + stages.winnow().modelId());
    }

    private int nextIndex() {
        int i = next;
        next = next + 1 == pages.size() ? 0 : next + 1;
        return i;
    }

    @Benchmark
    public Document stage1Parse() {
        return Stages.parse(pages.get(nextIndex()).html());
    }

    @Benchmark
    public List<Block> stage2Segment() {
        return stages.segment(documents.get(nextIndex()));
    }

    @Benchmark
    public PageFeatures stage3Features() {
        return Stages.features(blocks.get(nextIndex()));
    }

    @Benchmark
    public int stage4aRows() {
        return Stages.rows(features.get(nextIndex()));
    }

    @Benchmark
    public double[][] stage4bFirstPassWithRows() {
        return stages.firstPass(features.get(nextIndex()));
    }

    @Benchmark
    public Prediction[] stage4Model() {
        return stages.model(features.get(nextIndex()));
    }

    @Benchmark
    public String stage5PolicyAndRender() {
        int i = nextIndex();
        return Stages.finish(blocks.get(i), predictions.get(i));
    }
}
