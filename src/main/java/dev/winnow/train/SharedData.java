package dev.winnow.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark pages under {@code ../shared/data}: read by the corpus and evaluation tools,
 * never by tests or the service. A fresh clone does not have them, and the tools say so.
 */
public record SharedData(Path root) {

    public static SharedData locate(String override) {
        String path = override != null ? override : System.getProperty("winnow.data", System.getenv().getOrDefault("WINNOW_DATA", "../shared/data"));
        return new SharedData(Path.of(path));
    }

    public boolean present() {
        return Files.isDirectory(root.resolve("wcxb-dev"));
    }

    public SharedData require() {
        if (!present()) {
            throw new IllegalStateException("the shared benchmark data is not at " + root.toAbsolutePath()
                    + " (expected wcxb-dev/, trafilatura-eval/, readability-test-pages/ there). "
                    + "Pass --data DIR or set WINNOW_DATA; see model/README.md for where the data comes from.");
        }
        return this;
    }

    public Path wcxb() {
        return root.resolve("wcxb-dev");
    }

    public Path trafilatura() {
        return root.resolve("trafilatura-eval");
    }

    public Path readability() {
        return root.resolve("readability-test-pages");
    }

    public Path webis() {
        return root.resolve("webis-ceb");
    }

    public Path news() {
        return root.resolve("news-fixtures");
    }

    public Path peers() {
        return root.resolve("peers");
    }
}
