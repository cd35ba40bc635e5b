package dev.winnow.batch;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The output records of a source one after another, each cleaned in the calling thread: for a
 * caller that brings its own parallelism, as a Spark task does with its part of the input.
 * {@link BatchRunner} is the way for one process on every core.
 *
 * <p>As in a batch run, an input that cannot be read to its end gives one last error record
 * saying where and why, and then ends; the exception never reaches the caller.
 */
public final class RecordIterator implements Iterator<Outcome> {

    private final RecordSource source;
    private Outcome next;
    private boolean ended;

    public RecordIterator(RecordSource source) {
        this.source = source;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Outcome next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Outcome outcome = next;
        next = null;
        return outcome;
    }

    private Outcome advance() {
        Supplier<Outcome> work;
        try {
            work = source.next();
        } catch (IOException | RuntimeException e) {
            ended = true;
            return unreadable(source, e);
        }
        if (work == null) {
            ended = true;
            return null;
        }
        return work.get();
    }

    /** The record that ends an input which could not be read on: the source's own, for any failure. */
    static Outcome unreadable(RecordSource source, Exception e) {
        return source.unreadable(e instanceof IOException io ? io : new IOException(e.toString(), e));
    }
}
