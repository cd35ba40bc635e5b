package dev.winnow.http;

import io.vertx.core.Vertx;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A blocking request body that gives up on a client that stops sending: when a read has waited
 * {@code winnow.body-stall-timeout} for bytes that do not come, {@code onStall} runs (closing the
 * connection, which ends the read with an error). Only a read that waits counts: while the
 * service is busy cleaning and does not read, the client is not stalling, however long it takes.
 * Closing it stops the watch.
 */
final class StallWatch extends FilterInputStream {

    private final Vertx vertx;
    private final long timer;
    private final long stallNanos;
    private final Runnable onStall;
    /** When the read now waiting began (System.nanoTime()), or 0 when no read waits. */
    private volatile long waitingSince;
    private volatile boolean stalled;

    private StallWatch(InputStream in, Vertx vertx, long stallMillis, Runnable onStall) {
        super(in);
        this.vertx = vertx;
        this.stallNanos = stallMillis * 1_000_000L;
        this.onStall = onStall;
        this.timer = vertx.setPeriodic(Math.max(50, stallMillis / 4), id -> check());
    }

    /** Watches {@code in} until it is closed. */
    static StallWatch watch(InputStream in, Vertx vertx, long stallMillis, Runnable onStall) {
        return new StallWatch(in, vertx, stallMillis, onStall);
    }

    boolean stalled() {
        return stalled;
    }

    private void check() {
        long since = waitingSince;
        if (since != 0 && System.nanoTime() - since >= stallNanos && !stalled) {
            stalled = true;
            vertx.cancelTimer(timer);
            onStall.run();
        }
    }

    @Override
    public int read() throws IOException {
        waitingSince = System.nanoTime();
        try {
            return super.read();
        } finally {
            waitingSince = 0;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        waitingSince = System.nanoTime();
        try {
            return super.read(b, off, len);
        } finally {
            waitingSince = 0;
        }
    }

    /**
     * Stops watching. The request body itself is left to the framework, whose stream throws on
     * close once the connection is gone.
     */
    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
