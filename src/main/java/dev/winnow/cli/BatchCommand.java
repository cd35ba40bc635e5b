package dev.winnow.cli;

import dev.winnow.batch.BatchOptions;
import dev.winnow.batch.BatchRunner;
import dev.winnow.batch.BatchStats;
import dev.winnow.batch.DirectorySource;
import dev.winnow.batch.JsonLinesSource;
import dev.winnow.batch.RecordCleaner;
import dev.winnow.batch.RecordSource;
import dev.winnow.batch.Streams;
import dev.winnow.batch.WarcSource;
import dev.winnow.cli.BatchArguments.InputKind;
import dev.winnow.batch.UsageException;
import dev.winnow.core.Limits;
import dev.winnow.core.Winnow;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;

/**
 * {@code batch IN OUT}: cleans JSON Lines, a WARC/WET file or a directory of pages into JSON
 * Lines, one output record per input record, in input order, on every core, in bounded memory.
 * Records go to OUT only, and OUT appears only when the run has finished (they are written to a
 * hidden file beside it, renamed at the end); progress, the summary and every message go to stderr. See
 * {@link BatchArguments#USAGE} for the options and the exit status.
 */
final class BatchCommand {

    static final int OK = 0;
    static final int RECORD_ERRORS = 1;
    static final int USAGE = 2;
    static final int STOPPED = 3;

    private BatchCommand() {
    }

    /** The process entry: standard streams, and nothing but records on standard output. */
    static int run(String[] args) {
        PrintStream stdout = System.out;
        // Whatever else would print to stdout (a library, a stray log handler) goes to stderr instead.
        System.setOut(System.err);
        try {
            return run(args, System.in, new FileOutputStream(FileDescriptor.out), System.err);
        } finally {
            System.setOut(stdout);
        }
    }

    static int run(String[] args, InputStream stdin, OutputStream stdout, PrintStream err) {
        BatchArguments a;
        BatchOptions options;
        try {
            a = BatchArguments.parse(args);
            if (a.help()) {
                PrintStream help = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                help.println(BatchArguments.USAGE);
                help.flush();
                return OK;
            }
            options = a.batchOptions();
            checkPaths(a);
        } catch (UsageException e) {
            err.println("batch: " + e.getMessage());
            err.println(BatchArguments.USAGE);
            return USAGE;
        }
        String unusable = unusablePath(a);
        if (unusable != null) {
            err.println("batch: " + unusable);
            return STOPPED;
        }

        Winnow winnow;
        try {
            winnow = (a.model() == null ? Winnow.fromClasspath() : Winnow.fromFile(Path.of(a.model())))
                    .withLimits(new Limits(a.maxBlocks(), Limits.DEFAULT.maxDepth()));
        } catch (IOException | RuntimeException e) {
            err.println("batch: cannot load the model" + (a.model() == null ? "" : " " + a.model()) + ": " + e.getMessage());
            return STOPPED;
        }
        RecordCleaner cleaner = new RecordCleaner(winnow, options);

        AtomicLong bytesRead = new AtomicLong();
        // How far into IN the run is, for the percentage: compressed bytes, as IN's size is.
        LongSupplier position = bytesRead::get;
        long totalBytes = -1;
        InputStream in = null;
        RecordSource source;
        try {
            if (a.in().equals("-") || !Files.isDirectory(Path.of(a.in()))) {
                boolean stdinIn = a.in().equals("-");
                InputStream raw = stdinIn ? stdin : Files.newInputStream(Path.of(a.in()));
                if (!stdinIn) {
                    totalBytes = Files.size(Path.of(a.in()));
                }
                BufferedInputStream buffered = new BufferedInputStream(new Streams.Counting(raw, bytesRead), 1 << 16);
                in = buffered;
                boolean gzip = Streams.isGzip(buffered);
                InputKind kind = a.input();
                if (kind == InputKind.AUTO) {
                    byte[] head = Streams.peek(buffered, gzip, 5);
                    kind = new String(head, StandardCharsets.ISO_8859_1).equals("WARC/") ? InputKind.WARC : InputKind.JSONL;
                }
                if (kind == InputKind.WARC) {
                    source = new WarcSource(buffered, cleaner); // jwarc reads gzipped WARCs record by record itself
                } else if (gzip) {
                    Streams.Gunzip gunzip = Streams.gunzip(buffered);
                    position = gunzip::compressedBytesRead;
                    source = new JsonLinesSource(gunzip, cleaner);
                } else {
                    source = new JsonLinesSource(buffered, cleaner);
                }
            } else {
                Path dir = Path.of(a.in());
                totalBytes = DirectorySource.totalBytes(dir);
                source = new DirectorySource(dir, cleaner, bytesRead);
            }
        } catch (IOException | RuntimeException e) {
            err.println("batch: cannot read " + a.in() + ": " + e.getMessage());
            closeQuietly(in);
            return STOPPED;
        }

        OutputStream out;
        Path partial = a.out().equals("-") ? null : partialPath(Path.of(a.out()));
        try {
            out = open(a.out(), partial, stdout);
        } catch (IOException | RuntimeException e) {
            err.println("batch: cannot write " + a.out() + ": " + e.getMessage());
            closeQuietly(in);
            return STOPPED;
        }

        ExecutorService workers = Executors.newFixedThreadPool(a.threads(), daemonThreads());
        BatchStats stats = new BatchStats();
        BatchRunner.Result result;
        try (Progress progress = new Progress(stats, position, totalBytes, err, a.quiet() ? 0 : a.progressSeconds())) {
            if (!a.quiet()) {
                err.println(String.format(Locale.ROOT, "batch: %s -> %s with model %s on %d threads", a.in(), a.out(),
                        winnow.modelId(), a.threads()));
            }
            result = new BatchRunner(workers, BatchRunner.windowFor(a.threads())).run(source, out, stats, null);
            Exception closeFailure = null;
            try {
                if (a.out().equals("-")) {
                    out.flush();
                } else {
                    out.close();
                }
            } catch (IOException e) {
                closeFailure = e;
            }
            if (closeFailure == null && partial != null && result.complete()) {
                closeFailure = finish(partial, Path.of(a.out()));
            }
            if (closeFailure != null && result.writeFailure() == null) {
                result = new BatchRunner.Result(result.stats(), result.skipped(), result.skippedWhat(), result.readFailure(), closeFailure);
            }
            if (!a.quiet()) {
                progress.summary(result);
            }
        } finally {
            workers.shutdownNow();
            closeQuietly(in);
        }
        if (result.readFailure() != null) {
            err.println("batch: stopped: the input could not be read to its end: " + result.readFailure().getMessage());
        }
        if (result.writeFailure() != null) {
            err.println("batch: stopped: the output could not be written: " + result.writeFailure().getMessage());
        }
        if (!result.complete()) {
            if (partial != null && Files.exists(partial)) {
                err.println("batch: " + a.out() + " was not written; the records written before the stop are in " + partial);
            }
            return STOPPED;
        }
        return result.stats().errors() > 0 ? RECORD_ERRORS : OK;
    }

    /** Gives the finished output its name, replacing a file of that name in one step; the failure, if any. */
    private static IOException finish(Path partial, Path out) {
        try {
            try {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /** Arguments that contradict each other or what IN is: a usage error. */
    private static void checkPaths(BatchArguments a) throws UsageException {
        boolean dir = !a.in().equals("-") && Files.isDirectory(Path.of(a.in()));
        if (dir && a.input() != InputKind.AUTO && a.input() != InputKind.DIR) {
            throw new UsageException("IN " + a.in() + " is a directory, not " + a.input().name().toLowerCase(Locale.ROOT));
        }
        if (!dir && Files.exists(Path.of(a.in())) && a.input() == InputKind.DIR) {
            throw new UsageException("--input dir needs a directory, and " + a.in() + " is not one");
        }
        if (!a.in().equals("-") && !a.out().equals("-")) {
            try {
                if (Files.exists(Path.of(a.out())) && Files.isSameFile(Path.of(a.out()), Path.of(a.in()))) {
                    throw new UsageException("OUT is the same file as IN");
                }
            } catch (IOException e) {
                // not the same file, then
            }
        }
    }

    /**
     * Why IN cannot be read or OUT cannot be written, in one line naming the file; null when both
     * look usable. Checked before the model is loaded, so a typo costs no wait.
     */
    private static String unusablePath(BatchArguments a) {
        if (!a.in().equals("-")) {
            Path in = Path.of(a.in());
            if (!Files.exists(in)) {
                return "cannot read " + a.in() + ": no such file or directory";
            }
            if (!Files.isReadable(in)) {
                return "cannot read " + a.in() + ": permission denied";
            }
        }
        if (!a.out().equals("-")) {
            Path out = Path.of(a.out()).toAbsolutePath();
            if (Files.isDirectory(out)) {
                return "cannot write " + a.out() + ": it is a directory; name the JSON Lines file to write";
            }
            if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
                return "cannot write " + a.out() + ": the directory " + out.getParent() + " does not exist";
            }
        }
        return null;
    }

    private static OutputStream open(String out, Path partial, OutputStream stdout) throws IOException {
        if (out.equals("-")) {
            return new BufferedOutputStream(stdout, 1 << 16);
        }
        OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (out.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return new BufferedOutputStream(new GZIPOutputStream(file, 1 << 16), 1 << 16);
        }
        return new BufferedOutputStream(file, 1 << 16);
    }

    /**
     * Where the records go until the run has finished: a hidden file beside OUT, renamed to OUT
     * at the end. A run that is killed or stops leaves OUT as it was (absent, or the previous
     * run's), never a file that looks complete and is not.
     */
    static Path partialPath(Path out) {
        Path absolute = out.toAbsolutePath();
        String name = "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".partial";
        return absolute.resolveSibling(name);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "winnow-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing more to read from it anyway
            }
        }
    }
}
