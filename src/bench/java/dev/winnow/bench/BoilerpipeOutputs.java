package dev.winnow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import dev.winnow.train.SharedData;
import dev.winnow.train.SourcePage;
import dev.winnow.train.SourcePages;
import dev.winnow.train.WebisPages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes boilerpipe's ArticleExtractor output on the shared page sets in the layout of
 * {@code ../shared/data/peers} ({@code <set>.jsonl.gz}, one {@code {"id", "text"}} a line), so that
 * {@code evaluate --peer boilerpipe=DIR} puts its figures beside winnow's and trafilatura's on the
 * same pages. Each page goes in as winnow reads it (webis-ceb's CleanEval wrapper removed).
 *
 * <p>Build {@code target/benchmarks.jar} with {@code ./mvnw -Pbench clean package}, then the Quarkus app
 * (whose libraries give Jackson) with {@code ./mvnw package -DskipTests}, and run:
 * <pre>java -cp "target/benchmarks.jar:target/quarkus-app/lib/main/*" dev.winnow.bench.BoilerpipeOutputs ../shared/data target/peers/boilerpipe-1.2.2</pre>
 */
public final class BoilerpipeOutputs {
    private BoilerpipeOutputs() {
    }

    public static void main(String[] args) throws IOException {
        SharedData data = SharedData.locate(args.length > 0 ? args[0] : null).require();
        Path out = Path.of(args.length > 1 ? args[1] : "target/peers/boilerpipe-1.2.2");
        Files.createDirectories(out);
        write(SourcePages.wcxb(data), out.resolve("wcxb-dev.jsonl.gz"));
        write(SourcePages.trafilatura(data), out.resolve("trafilatura-eval.jsonl.gz"));
        if (WebisPages.present(data)) {
            write(WebisPages.all(data), out.resolve("webis-ceb.jsonl.gz"));
        }
    }

    private static void write(List<SourcePage> pages, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int failed = 0;
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            for (SourcePage page : pages) {
                ObjectNode o = json.createObjectNode();
                o.put("id", page.id());
                try {
                    o.put("text", ArticleExtractor.INSTANCE.getText(page.htmlString()));
                } catch (Exception | StackOverflowError e) {
                    // a page boilerpipe cannot read counts as an empty extraction, as a peer's null does
                    o.putNull("text");
                    failed++;
                }
                w.write(json.writeValueAsString(o));
                w.write('\n');
            }
        }
        System.err.printf("%s: %d pages, %d boilerpipe could not read%n", file, pages.size(), failed);
    }
}
