package dev.winnow.core;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Duration;

/**
 * A point in time past which the work on one document stops. The pipeline checks it between its
 * stages and, inside the stages that grow with the input (parsing, walking the DOM, splitting
 * lines), every few thousand nodes or characters, so a hostile document cannot keep a thread busy
 * for longer than the limit plus one such step. Immutable and thread-safe.
 */
public final class Deadline {

    /** No limit: {@link #check(String)} never throws. */
    public static final Deadline NONE = new Deadline(0, Duration.ZERO);

    private final long deadlineNanos;
    private final Duration limit;

    private Deadline(long deadlineNanos, Duration limit) {
        this.deadlineNanos = deadlineNanos;
        this.limit = limit;
    }

    /** A deadline {@code limit} from now; {@link #NONE} when the limit is zero. */
    public static Deadline after(Duration limit) {
        if (limit == null || limit.isZero() || limit.isNegative()) {
            return NONE;
        }
        return new Deadline(System.nanoTime() + limit.toNanos(), limit);
    }

    public boolean isNone() {
        return this == NONE;
    }

    /** The time the whole piece of work was given. */
    public Duration limit() {
        return limit;
    }

    /** Nanoseconds left, never negative; {@link Long#MAX_VALUE} for {@link #NONE}. */
    public long remainingNanos() {
        if (isNone()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    public boolean passed() {
        return !isNone() && System.nanoTime() - deadlineNanos >= 0;
    }

    /**
     * @param stage what was being done, for the message ("parsing the HTML")
     * @throws TimeLimitExceededException when the deadline has passed
     */
    public void check(String stage) {
        if (passed()) {
            throw new TimeLimitExceededException("the document took longer than the limit of " + limit.toMillis()
                    + " ms to process (stopped while " + stage + ")");
        }
    }

    /**
     * At most this many bytes or characters are handed out per read, so the deadline is looked at
     * once per kilobyte of input at least: on hostile markup (tables nested hundreds deep) a parser
     * can spend hundreds of milliseconds on a few kilobytes.
     */
    static final int MAX_READ = 1024;

    /**
     * The reader, checking this deadline before every read: a parser reading from it stops within
     * one kilobyte of the deadline, however slowly the input parses.
     */
    public Reader guard(Reader in, String stage) {
        if (isNone()) {
            return in;
        }
        return new FilterReader(in) {
            @Override
            public int read() throws IOException {
                check(stage);
                return super.read();
            }

            @Override
            public int read(char[] buffer, int off, int len) throws IOException {
                check(stage);
                return super.read(buffer, off, Math.min(len, MAX_READ));
            }
        };
    }

    /** The stream, checking this deadline before every read of at most a kilobyte. */
    public InputStream guard(InputStream in, String stage) {
        if (isNone()) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                check(stage);
                return super.read();
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                check(stage);
                return super.read(buffer, off, Math.min(len, MAX_READ));
            }
        };
    }
}
