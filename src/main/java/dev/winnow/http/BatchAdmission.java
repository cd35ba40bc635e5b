package dev.winnow.http;

import dev.winnow.http.problem.ProblemException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admits at most {@code winnow.max-concurrent-batches} {@code POST /v1/clean/batch} requests at
 * once, on the I/O thread before a worker is given one. A batch body has no overall size, so it
 * cannot be received whole on the I/O side as {@code POST /v1/clean}'s is: a worker reads it as
 * its records are cleaned, and this bound keeps slow batch clients from holding more than that
 * many workers. The rest get 503 with Retry-After at once. {@link StallWatch} bounds how long an
 * admitted batch may keep its worker waiting for bytes that do not come.
 */
@Singleton
public class BatchAdmission {

    /** Runs after {@link EventLoopBodyReader} (Quarkus orders filters by descending priority). */
    static final int PRIORITY = EventLoopBodyReader.PRIORITY - 10;

    private final int max;
    private final Semaphore permits;
    private final long stallMillis;
    private final long maxRecordBytes;

    public BatchAdmission(LimitsConfig limits, WinnowConfig config) {
        int configured = limits.maxConcurrentBatches().orElse(2 * Runtime.getRuntime().availableProcessors());
        if (configured <= 0) {
            throw new IllegalStateException("winnow.max-concurrent-batches must be positive, not " + configured);
        }
        this.max = configured;
        this.permits = new Semaphore(configured);
        this.stallMillis = Math.max(1, limits.bodyStallTimeout().toMillis());
        this.maxRecordBytes = config.maxBodyBytes();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        if (context.request().method() != HttpMethod.POST || !EventLoopBodyReader.isPath(context.normalizedPath(), BatchResource.PATH)) {
            context.next();
            return;
        }
        if (!permits.tryAcquire()) {
            EventLoopBodyReader.refuse(context, ProblemException.busy("the service is serving as many batches as it may at once ("
                    + max + ", winnow.max-concurrent-batches); try again shortly, or send the records to fewer batches"),
                    stallMillis, maxRecordBytes);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        context.addEndHandler(done -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        });
        context.next();
    }

    /** Batches being served now; for tests. */
    int inUse() {
        return max - permits.availablePermits();
    }
}
