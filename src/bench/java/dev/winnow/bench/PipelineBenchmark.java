package dev.winnow.bench;

import dev.winnow.bench.BenchPages.Page;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Side by side, one page per operation, cycling through the same fixed pages: Jsoup's parse
 * plus a text walk (the floor), winnow's whole pipeline, and boilerpipe's ArticleExtractor.
 * Sample-time mode gives the mean and the percentiles of the per-page times; every benchmark
 * sees every page equally often.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
@State(Scope.Thread)
public class PipelineBenchmark {

    private List<Page> pages;
    private Stages stages;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        pages = BenchPages.load();
        stages = Stages.load();
        System.out.println("\n# " + BenchPages.describe(pages) + "; model " + stages.winnow().modelId());
    }

    private String nextPage() {
        String html = pages.get(next).html();
        next = next + 1 == pages.size() ? 0 : next + 1;
        return html;
    }

    @Benchmark
    public int floorJsoupParseAndWalk() {
        return Stages.floor(nextPage());
    }

    @Benchmark
    public int winnowPipeline() {
        return stages.pipeline(nextPage());
    }

    @Benchmark
    public int boilerpipeArticleExtractor() {
        return Stages.boilerpipe(nextPage());
    }
}
