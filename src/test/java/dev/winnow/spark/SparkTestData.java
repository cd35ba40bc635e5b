package dev.winnow.spark;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.winnow.TestPages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Small real pages and an article from the test resources, for the Spark tests. */
final class SparkTestData {

    /** Four WCXB pages (CC-BY-4.0, sample-corpus/NOTICE.md) of 36 to 98 KB. */
    static final List<String> PAGE_IDS = List.of("0468", "4511", "0136", "4444");

    static final String ARTICLE = resource("/examples/belarus-eu-sanctions.txt");

    private SparkTestData() {
    }

    static String page(String id) {
        Path file = Path.of("src", "test", "resources", "sample-corpus", "wcxb-dev", "html", id + ".html.gz");
        try {
            return TestPages.gunzip(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = SparkTestData.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
