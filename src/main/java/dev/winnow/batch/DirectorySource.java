package dev.winnow.batch;

import dev.winnow.core.Input;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A directory tree of pages and texts: {@code .html}, {@code .htm}, {@code .xhtml} and
 * {@code .txt} files, each optionally gzipped ({@code .html.gz}), visited in name order, depth
 * first. Each output record starts with {@code path}, the file's path relative to the directory
 * with {@code /} between names. Hidden files and other files are passed over and counted as
 * skipped; symbolic links to directories are not followed.
 */
public final class DirectorySource implements RecordSource {

    public static final String PATH = "path";

    private final Path root;
    private final RecordCleaner cleaner;
    private final Walk walk;
    private final AtomicLong bytesRead;
    private long skipped;
    private String last = "";

    /** @param bytesRead advanced by each file's size as it is taken, for progress */
    public DirectorySource(Path root, RecordCleaner cleaner, AtomicLong bytesRead) {
        this.root = root;
        this.cleaner = cleaner;
        this.walk = new Walk(root);
        this.bytesRead = bytesRead;
    }

    /** The total size of the files a run will read, or -1: one walk of the tree, for progress. */
    public static long totalBytes(Path root) {
        long total = 0;
        try {
            Walk walk = new Walk(root);
            while (walk.hasNext()) {
                Path p = walk.next();
                if (kind(p) != null) {
                    try {
                        total += Files.size(p);
                    } catch (IOException e) {
                        // reported as an error record when its turn comes
                    }
                }
            }
        } catch (UncheckedIOException e) {
            return -1;
        }
        return total;
    }

    @Override
    public Supplier<Outcome> next() throws IOException {
        try {
            while (walk.hasNext()) {
                Path file = walk.next();
                Input.Kind kind = kind(file);
                if (kind == null) {
                    skipped++;
                    continue;
                }
                String relative = relative(file);
                last = relative;
                try {
                    bytesRead.addAndGet(Files.size(file));
                } catch (IOException e) {
                    // the work below reports it
                }
                List<Field> fields = List.of(Field.string(PATH, relative));
                return () -> cleaner.document(() -> read(file, kind), List.of(), fields);
            }
            return null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Input read(Path file, Input.Kind kind) {
        byte[] bytes;
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        long max = cleaner.options().maxRecordBytes();
        try {
            if (!gzip && Files.size(file) > max) {
                throw new RecordException(cleaner.overLimit("the file", Files.size(file)));
            }
            try (InputStream raw = Files.newInputStream(file); InputStream in = gzip ? Streams.gunzip(raw) : raw) {
                bytes = Streams.readAtMost(in, max);
            }
        } catch (IOException e) {
            throw new RecordException("the file could not be read: " + e);
        }
        if (bytes == null) {
            throw new RecordException(cleaner.overLimit("the file", -1));
        }
        return kind == Input.Kind.HTML ? Input.html(Decoding.html(bytes, null)) : Input.text(Decoding.text(bytes, null));
    }

    private String relative(Path file) {
        List<String> names = new ArrayList<>();
        for (Path name : root.relativize(file)) {
            names.add(name.toString());
        }
        return String.join("/", names);
    }

    /** HTML or text by the file name, or null for a file that is neither. */
    static Input.Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return null;
        }
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return Input.Kind.HTML;
        }
        if (name.endsWith(".txt")) {
            return Input.Kind.TEXT;
        }
        return null;
    }

    @Override
    public Outcome unreadable(IOException e) {
        return cleaner.error("the directory could not be read after " + (last.isEmpty() ? "its start" : last) + ": " + e.getMessage(),
                List.of(), List.of());
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public String skippedWhat() {
        return "files skipped (not .html, .htm, .xhtml or .txt, or hidden)";
    }

    /** Regular files under a directory, in name order, depth first, one directory listing in memory per level. */
    private static final class Walk implements Iterator<Path> {
        private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
        private Path next;

        Walk(Path root) {
            stack.push(list(root));
        }

        private static Iterator<Path> list(Path dir) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    entries.add(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return entries.iterator();
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Iterator<Path> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    continue;
                }
                Path p = top.next();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!p.getFileName().toString().startsWith(".")) {
                        stack.push(list(p));
                    }
                } else if (Files.isRegularFile(p)) {
                    next = p;
                }
            }
            return next != null;
        }

        @Override
        public Path next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Path p = next;
            next = null;
            return p;
        }
    }
}
