package dev.winnow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The fixed set of real pages every benchmark reads: the first {@code winnow.bench.count}
 * (default 200) pages, by file name, of {@code ../shared/data/wcxb-dev/html} when that folder
 * exists, otherwise the pages committed under
 * {@code src/test/resources/sample-corpus/wcxb-dev/html}. {@code winnow.bench.pages} (or
 * {@code WINNOW_BENCH_PAGES}) names another folder of {@code .html} or {@code .html.gz} files.
 * Pages are decoded as UTF-8, as the corpus tools read them.
 */
public final class BenchPages {

    public static final Path SHARED = Path.of("../shared/data/wcxb-dev/html");
    public static final Path COMMITTED = Path.of("src/test/resources/sample-corpus/wcxb-dev/html");
    public static final int DEFAULT_COUNT = 200;

    /** One page: its file name and its HTML. */
    public record Page(String name, String html) {
    }

    private BenchPages() {
    }

    public static Path directory() {
        String configured = setting("winnow.bench.pages", "WINNOW_BENCH_PAGES");
        if (configured != null) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("winnow.bench.pages names " + dir.toAbsolutePath() + ", which is not a folder");
            }
            return dir;
        }
        if (Files.isDirectory(SHARED)) {
            return SHARED;
        }
        if (Files.isDirectory(COMMITTED)) {
            return COMMITTED;
        }
        throw new IllegalStateException("no benchmark pages: neither " + SHARED.toAbsolutePath() + " nor "
                + COMMITTED.toAbsolutePath() + " exists. Run from the repository root or set -Dwinnow.bench.pages=DIR");
    }

    public static int count() {
        String configured = setting("winnow.bench.count", "WINNOW_BENCH_COUNT");
        return configured == null ? DEFAULT_COUNT : Integer.parseInt(configured.trim());
    }

    /** The pages, in file-name order. */
    public static List<Page> load() {
        return load(directory(), count());
    }

    /** The first {@code count} pages of {@code dir}, by file name. */
    public static List<Page> load(Path dir, int count) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".html") || n.endsWith(".html.gz") || n.endsWith(".htm");
            }).sorted().limit(count).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no .html or .html.gz files in " + dir.toAbsolutePath());
        }
        List<Page> pages = new ArrayList<>(files.size());
        for (Path f : files) {
            pages.add(new Page(f.getFileName().toString(), read(f)));
        }
        return pages;
    }

    /** A folder of pages and how many of its pages, by file name, a tool reads. */
    public record Folder(Path path, int count) {
    }

    /**
     * The folders named by a tool's arguments from {@code from} on, each optionally followed by a
     * count ({@code FOLDER [COUNT]...}, default 400 a folder). A folder that does not exist ends the
     * run with a message, since the shared data is not part of the repository.
     */
    static List<Folder> folders(String[] args, int from) {
        List<Folder> folders = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            Path folder = Path.of(args[i]);
            int count = i + 1 < args.length && args[i + 1].matches("\\d+") ? Integer.parseInt(args[++i]) : 400;
            if (!Files.isDirectory(folder)) {
                System.err.println(folder.toAbsolutePath() + " is not a folder (the shared data is not part of the repository)");
                System.exit(2);
            }
            folders.add(new Folder(folder, count));
        }
        return folders;
    }

    /** Where the pages came from and how big they are, for the record of a run. */
    public static String describe(List<Page> pages) {
        long[] sizes = pages.stream().mapToLong(p -> p.html().length()).sorted().toArray();
        long total = 0;
        for (long s : sizes) {
            total += s;
        }
        return String.format(Locale.ROOT, "%d pages from %s: chars median %d, mean %d, max %d",
                pages.size(), directory().toAbsolutePath().normalize(), sizes[sizes.length / 2], total / sizes.length,
                sizes[sizes.length - 1]);
    }

    static String read(Path f) {
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
