package dev.winnow.http;

import dev.winnow.core.Deadline;
import dev.winnow.http.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many {@code POST /v1/clean} requests decode and clean at once ({@code winnow.max-concurrent-cleans},
 * by default one per core). A request past that waits for a slot, first come first served,
 * within its time limit; one whose time runs out waiting is answered 503 with Retry-After. So
 * however many requests arrive, the parsed pages in memory and the threads on the CPU stay bounded.
 * Cleaning is CPU-bound: more slots than cores only share the cores more thinly, and the largest
 * pages then set the tail (docs/performance.md: at 8 connections on 2 cores, p99 110 ms with twice
 * the cores, 65 ms with one slot per core, at the same throughput).
 */
@Singleton
public class CleanSlots {

    private final int slots;
    private final Semaphore free;

    public CleanSlots(LimitsConfig config) {
        int configured = config.maxConcurrentCleans().orElse(Runtime.getRuntime().availableProcessors());
        if (configured <= 0) {
            throw new IllegalStateException("winnow.max-concurrent-cleans must be positive, not " + configured);
        }
        this.slots = configured;
        this.free = new Semaphore(configured, true);
    }

    public int slots() {
        return slots;
    }

    /**
     * Takes a slot, waiting at most until the deadline.
     *
     * @return what gives the slot back; close it when the work is done
     * @throws ProblemException 503 when no slot came free in time
     */
    public Slot take(Deadline deadline) {
        boolean taken;
        try {
            taken = deadline.isNone() ? acquire() : free.tryAcquire(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw ProblemException.busy("all " + slots + " cleaning slots (winnow.max-concurrent-cleans) stayed busy for the "
                    + "whole time limit of " + deadline.limit().toMillis() + " ms (winnow.max-processing-time); try again shortly");
        }
        return free::release;
    }

    private boolean acquire() throws InterruptedException {
        free.acquire();
        return true;
    }

    /** A slot held; closing it frees it. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
