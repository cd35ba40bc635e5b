package dev.winnow.http;

import dev.winnow.batch.BatchRunner;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that clean the records of {@code POST /v1/clean/batch}: one per core, shared by
 * every batch request, so concurrent batches share the cores instead of multiplying threads.
 * Each request reads ahead by at most {@link BatchRunner#windowFor(int)} records.
 */
@Singleton
public class BatchWorkers {

    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ExecutorService pool;

    public BatchWorkers() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "winnow-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    BatchRunner runner() {
        return new BatchRunner(pool, BatchRunner.windowFor(threads));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
