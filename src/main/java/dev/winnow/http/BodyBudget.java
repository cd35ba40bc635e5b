package dev.winnow.http;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the service holds at once ({@code winnow.max-in-flight-body-bytes},
 * by default a quarter of the heap). The cleaning slots bound how many documents are parsed at
 * once, but not the bodies waiting for a slot or still arriving: without this, 64 clients each
 * sending a body that inflates to 10 MiB filled a 1 GiB heap before any of them was cleaned.
 * Each request takes its {@link Share} before its bytes are read or inflated and gives it back
 * when its answer has been written; a request whose share is not free is refused at once, so a
 * refusal costs no memory.
 */
@Singleton
public class BodyBudget {

    private final long capacity;
    private final AtomicLong inUse = new AtomicLong();

    @Inject
    public BodyBudget(LimitsConfig limits) {
        this(limits.maxInFlightBodyBytes().orElse(Runtime.getRuntime().maxMemory() / 4));
    }

    BodyBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalStateException("winnow.max-in-flight-body-bytes must be positive, not " + capacity);
        }
        this.capacity = capacity;
    }

    public long capacity() {
        return capacity;
    }

    /** Bytes held by requests right now. */
    public long inUse() {
        return inUse.get();
    }

    /** A request's share, empty until it grows. */
    public Share open() {
        return new Share();
    }

    private boolean take(long bytes) {
        long held;
        do {
            held = inUse.get();
            if (held + bytes > capacity) {
                return false;
            }
        } while (!inUse.compareAndSet(held, held + bytes));
        return true;
    }

    /**
     * One request's bytes. It is handed from the I/O thread that reads the body to the worker
     * that inflates and cleans it and back, each hand-over ordered by the framework; the methods
     * are synchronized all the same, since the answer can be written (and the share closed) while
     * a worker still runs.
     */
    public final class Share implements AutoCloseable {
        private long held;
        private boolean closed;

        private Share() {
        }

        /**
         * Grows the share to {@code total} bytes, if the budget has them.
         *
         * @return false when the budget is spent; the share keeps what it had
         */
        public synchronized boolean growTo(long total) {
            if (closed) {
                return false;
            }
            if (total <= held) {
                return true;
            }
            if (!take(total - held)) {
                return false;
            }
            held = total;
            return true;
        }

        public synchronized long held() {
            return held;
        }

        /** Gives every byte back; later calls do nothing. */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                inUse.addAndGet(-held);
                held = 0;
            }
        }
    }
}
