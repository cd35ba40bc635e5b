package dev.winnow.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Streams records through the workers with bounded memory and ordered output. One thread reads
 * records and submits their work; the calling thread writes the results in input order. Between
 * them is a queue of at most {@code window} futures, so at most window + 1 records (and their
 * results) are in memory whatever the size of the input, and a slow record holds back the output
 * but not the workers, which go on with the records after it until the window is full.
 */
public final class BatchRunner {

    /**
     * How a run ended.
     *
     * @param readFailure  why the input could not be read to its end, or null
     * @param writeFailure why the output could not be written to its end, or null
     */
    public record Result(BatchStats stats, long skipped, String skippedWhat, Exception readFailure, Exception writeFailure) {
        /** Every input record was read and every output record written. */
        public boolean complete() {
            return readFailure == null && writeFailure == null;
        }
    }

    private static final Future<Outcome> END = CompletableFuture.completedFuture(null);

    private final ExecutorService workers;
    private final int window;

    /**
     * @param workers runs the records' work; not shut down here
     * @param window  how many records may be read ahead of the output
     */
    public BatchRunner(ExecutorService workers, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the window must hold at least one record, not " + window);
        }
        this.workers = workers;
        this.window = window;
    }

    /** A window that keeps {@code threads} workers busy while one slow record holds the output back. */
    public static int windowFor(int threads) {
        return Math.max(16, threads * 8);
    }

    /**
     * Reads every record of {@code source}, writes one output record for each to {@code out}, in
     * order, and flushes {@code out} whenever the output catches up with the workers. Neither
     * stream is closed.
     *
     * @param listener told of every outcome, in order, on the writing thread; may be null
     */
    public Result run(RecordSource source, OutputStream out, BatchStats stats, Consumer<Outcome> listener) {
        BlockingQueue<Future<Outcome>> queue = new ArrayBlockingQueue<>(window);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> read(source, queue, stop, readFailure), "winnow-batch-reader");
        reader.setDaemon(true);
        reader.start();

        Exception writeFailure = null;
        try {
            while (true) {
                Future<Outcome> next = queue.take();
                if (next == END) {
                    break;
                }
                if (writeFailure != null) {
                    next.cancel(false);
                    continue;
                }
                Outcome outcome = outcome(next);
                try {
                    out.write(outcome.json());
                    if (queue.isEmpty()) {
                        out.flush();
                    }
                } catch (IOException | RuntimeException e) {
                    writeFailure = e;
                    stop.set(true);
                    reader.interrupt();
                    continue;
                }
                stats.add(outcome);
                if (listener != null) {
                    listener.accept(outcome);
                }
            }
            if (writeFailure == null) {
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            reader.interrupt();
            queue.forEach(f -> f.cancel(false));
            queue.clear();
            writeFailure = new InterruptedIOException("the run was interrupted");
        } catch (IOException e) {
            writeFailure = e;
        }
        try {
            reader.join(writeFailure == null ? 0 : 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(stats, source.skipped(), source.skippedWhat(), readFailure.get(), writeFailure);
    }

    private void read(RecordSource source, BlockingQueue<Future<Outcome>> queue, AtomicBoolean stop,
            AtomicReference<Exception> failure) {
        try {
            Supplier<Outcome> work;
            while (!stop.get() && (work = source.next()) != null) {
                queue.put(workers.submit(work::get));
            }
        } catch (InterruptedException e) {
            // the writer stopped the run
        } catch (IOException e) {
            failure.set(e);
            if (!stop.get()) {
                Outcome unreadable = source.unreadable(e);
                putQuietly(queue, CompletableFuture.completedFuture(unreadable));
            }
        } catch (RuntimeException e) {
            failure.set(e);
            if (!stop.get()) {
                Outcome unreadable = RecordIterator.unreadable(source, e);
                putQuietly(queue, CompletableFuture.completedFuture(unreadable));
            }
        } finally {
            putQuietly(queue, END);
        }
    }

    private static void putQuietly(BlockingQueue<Future<Outcome>> queue, Future<Outcome> f) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                queue.put(f);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome outcome(Future<Outcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return internalError(e.getCause());
        } catch (RejectedExecutionException | CancellationException e) {
            return internalError(e);
        }
    }

    /** Only for a bug: {@link RecordCleaner} turns every failure of a record into its error record. */
    private static Outcome internalError(Throwable e) {
        String message = "internal error: " + e;
        byte[] json = ("{\"error\":" + Field.string("error", message).json() + "}\n").getBytes(StandardCharsets.UTF_8);
        return new Outcome(json, null, message);
    }
}
