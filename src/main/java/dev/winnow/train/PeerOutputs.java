package dev.winnow.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Another extractor's output on the shared pages ({@code ../shared/data/peers/<peer>/<set>.jsonl.gz},
 * one {@code {"id", "text"}} a line), so {@code evaluate} can put its figures beside winnow's on the
 * same pages. A {@code null} text is what the peer returned when it found nothing: the empty text.
 */
public final class PeerOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, String> byPage = new HashMap<>();

    private PeerOutputs(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** trafilatura 2.2.0 as {@code peers/README.md} describes it; CleanEval-format pages from its unwrapped run, as winnow reads them. */
    public static PeerOutputs trafilatura(SharedData data) {
        Path dir = data.peers().resolve("trafilatura-2.2.0");
        PeerOutputs peer = new PeerOutputs("trafilatura 2.2.0");
        peer.read(dir.resolve("wcxb-dev.jsonl.gz"), "wcxb:");
        peer.read(dir.resolve("readability-test-pages.jsonl.gz"), "readability:");
        peer.read(dir.resolve("trafilatura-eval.jsonl.gz"), "trafilatura:");
        peer.read(dir.resolve("webis-ceb.jsonl.gz"), WebisPages.SOURCE + ":");
        peer.read(dir.resolve("webis-ceb.cleaneval-unwrapped.jsonl.gz"), WebisPages.SOURCE + ":");
        return peer;
    }

    /** Any peer's outputs in the same layout (a directory of {@code <set>.jsonl.gz}), e.g. boilerpipe's from the benchmarks jar. */
    public static PeerOutputs of(String name, Path dir) {
        PeerOutputs peer = new PeerOutputs(name);
        peer.read(dir.resolve("wcxb-dev.jsonl.gz"), "wcxb:");
        peer.read(dir.resolve("trafilatura-eval.jsonl.gz"), "trafilatura:");
        peer.read(dir.resolve("webis-ceb.jsonl.gz"), WebisPages.SOURCE + ":");
        return peer;
    }

    public boolean isEmpty() {
        return byPage.isEmpty();
    }

    /** The peer's text for a page, "" where it returned nothing; null where it was not run on the page. */
    public String text(SourcePage page) {
        return byPage.get(page.key());
    }

    private void read(Path file, String prefix) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = JSON.readTree(line);
                JsonNode text = o.get("text");
                byPage.put(prefix + o.get("id").asText(), text == null || text.isNull() ? "" : text.asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
