package dev.winnow.spark;

import dev.winnow.batch.BatchOptions;
import dev.winnow.batch.RecordCleaner;
import dev.winnow.core.Limits;
import dev.winnow.core.Winnow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model, loaded from inside the jar once per JVM (per executor, or the driver in local mode)
 * on first use, and shared by every task and UDF call in it. Loading takes about a second and
 * the model is immutable and thread-safe, so a task or a row never loads it again. Nothing about
 * it is serialised into a task: tasks ask here.
 */
public final class ExecutorModel {

    private static final Object LOCK = new Object();
    private static final AtomicInteger LOADS = new AtomicInteger();
    private static volatile Winnow winnow;
    private static volatile RecordCleaner udfCleaner;

    private ExecutorModel() {
    }

    /**
     * The bundled model. A jar without it cannot clean anything, so that failure fails the task
     * (and Spark's retries show it) instead of turning every row into an error row.
     */
    public static Winnow winnow() {
        Winnow w = winnow;
        if (w == null) {
            synchronized (LOCK) {
                w = winnow;
                if (w == null) {
                    try {
                        w = Winnow.fromClasspath();
                    } catch (IOException e) {
                        throw new UncheckedIOException("winnow: cannot load the model bundled in the jar: " + e.getMessage(), e);
                    }
                    LOADS.incrementAndGet();
                    winnow = w;
                }
            }
        }
        return w;
    }

    /** The record rules for one task's rows; cheap to build, the model is shared. */
    static RecordCleaner cleaner(BatchOptions options, Limits limits) {
        return new RecordCleaner(winnow().withLimits(limits), options);
    }

    /** The record rules of the UDFs: the default options, one instance per JVM. */
    static RecordCleaner udfCleaner() {
        RecordCleaner c = udfCleaner;
        if (c == null) {
            c = new RecordCleaner(winnow(), BatchOptions.DEFAULT);
            udfCleaner = c;
        }
        return c;
    }

    /** How often this JVM has loaded the model: 1 once anything ran, whatever the number of tasks. */
    public static int loads() {
        return LOADS.get();
    }
}
