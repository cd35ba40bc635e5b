package dev.winnow.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Reads the shared page sets into {@link SourcePage}s: the three with gold main text or snippets,
 * webis-ceb's six ({@link WebisPages}), and the news fixtures, which have no gold and are there
 * for people to read for rare labels.
 */
public final class SourcePages {
    private SourcePages() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<SourcePage> all(SharedData data) {
        List<SourcePage> pages = new ArrayList<>();
        if (Files.isDirectory(data.wcxb())) {
            pages.addAll(wcxb(data));
        }
        if (Files.isDirectory(data.trafilatura())) {
            pages.addAll(trafilatura(data));
        }
        if (Files.isDirectory(data.readability())) {
            pages.addAll(readability(data));
        }
        if (WebisPages.present(data)) {
            pages.addAll(WebisPages.all(data));
        }
        if (Files.isRegularFile(data.news().resolve("index.jsonl"))) {
            pages.addAll(news(data));
        }
        return pages;
    }

    public static List<SourcePage> wcxb(SharedData data) {
        List<SourcePage> pages = new ArrayList<>();
        for (JsonNode line : jsonLines(data.wcxb().resolve("index.jsonl"))) {
            String id = line.get("id").asText();
            JsonNode truth = readJson(data.wcxb().resolve(line.get("ground_truth").asText())).path("ground_truth");
            String main = truth.path("main_content").asText("");
            pages.add(new SourcePage("wcxb", id, line.path("url").asText(null), line.path("domain").asText(id),
                    "CC-BY-4.0", line.path("page_type").asText("article"),
                    gunzip(data.wcxb().resolve(line.get("html").asText())),
                    new Gold(main.isEmpty() ? null : main, strings(truth.path("with")), strings(truth.path("without")))));
        }
        return pages;
    }

    public static List<SourcePage> trafilatura(SharedData data) {
        List<SourcePage> pages = new ArrayList<>();
        for (JsonNode entry : readJson(data.trafilatura().resolve("evaldata.json"))) {
            String url = entry.path("url").asText("");
            pages.add(new SourcePage("trafilatura", entry.get("id").asText(), url, host(url, entry.get("id").asText()),
                    "Apache-2.0 annotations; page not redistributable", "article",
                    gunzip(data.trafilatura().resolve(entry.get("html").asText())),
                    new Gold(null, strings(entry.path("with")), strings(entry.path("without")))));
        }
        return pages;
    }

    /** Real news, magazine and newsletter pages without gold: only the blocks people read are labelled. */
    public static List<SourcePage> news(SharedData data) {
        List<SourcePage> pages = new ArrayList<>();
        for (JsonNode line : jsonLines(data.news().resolve("index.jsonl"))) {
            String id = line.get("id").asText();
            pages.add(new SourcePage("news", id, line.path("url").asText(null), line.path("domain").asText(id),
                    line.path("licence").asText("") + " (news fixture); page not redistributable", "article",
                    gunzip(data.news().resolve(line.get("html").asText())), new Gold(null, List.of(), List.of())));
        }
        return pages;
    }

    public static List<SourcePage> readability(SharedData data) {
        List<SourcePage> pages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(data.readability())) {
            for (Path dir : dirs.sorted().toList()) {
                Path source = dir.resolve("source.html.gz");
                Path expected = dir.resolve("expected.html.gz");
                if (!Files.isRegularFile(source) || !Files.isRegularFile(expected)) {
                    continue;
                }
                String name = dir.getFileName().toString();
                String expectedText = GoldText.ofHtml(new String(gunzip(expected), StandardCharsets.UTF_8));
                pages.add(new SourcePage("readability", name, null, name.replaceAll("-\\d+$", ""),
                        "Apache-2.0 test fixture; page not redistributable", "article", gunzip(source),
                        new Gold(expectedText, List.of(), List.of())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static String host(String url, String fallback) {
        try {
            String host = URI.create(url.trim().replace(" ", "%20")).getHost();
            return host == null ? fallback : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static byte[] gunzip(Path path) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static JsonNode readJson(Path path) {
        try {
            byte[] bytes = path.toString().endsWith(".gz") ? gunzip(path) : Files.readAllBytes(path);
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The JSON objects of a JSON Lines file, gzip'd when its name ends in {@code .gz}. */
    static List<JsonNode> jsonLines(Path path) {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(path);
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return out;
    }

    /** Keeps jsoup's import local to where gold HTML is read. */
    static final class GoldText {
        private GoldText() {
        }

        static String ofHtml(String html) {
            StringBuilder out = new StringBuilder();
            for (var block : new dev.winnow.core.segment.HtmlSegmenter().segment(Jsoup.parse(html))) {
                out.append(block.text()).append('\n');
            }
            return out.toString();
        }
    }
}
