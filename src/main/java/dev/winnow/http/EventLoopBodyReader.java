package dev.winnow.http;

import dev.winnow.http.problem.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives the body of {@code POST /v1/clean} on the I/O thread, before the request is handed to
 * a worker: a slow or stalled client then holds a connection and its share of the
 * {@link BodyBudget}, never one of the worker threads that cleaning and the health checks need.
 * In order: a declared length over {@code winnow.max-body-bytes} is 413 before a byte is read;
 * the body's share of the budget is taken (its declared length, or as a chunked body grows),
 * else 503 with Retry-After; a body that stops arriving for {@code winnow.body-stall-timeout} is
 * 408. What it received goes on to {@link CleanResource} as a {@link ReceivedBody}.
 *
 * <p>Any other request that declares a length over {@code quarkus.http.limits.max-body-size}
 * gets its 413 here too, as a problem: the server's own check would answer with an empty body.
 */
@Singleton
public class EventLoopBodyReader {

    /**
     * Quarkus runs a filter as a route of order {@code -priority}: this one must come before its
     * body-size check (order -2) so that the 413 is a problem.
     */
    static final int PRIORITY = 100;

    /** A chunked body's first buffer; it doubles as the body grows. */
    private static final int FIRST_CHUNKED_BUFFER = 64 * 1024;

    private final BodyBudget budget;
    private final long maxBodyBytes;
    private final long stallMillis;
    private final long serverMaxBodyBytes;

    public EventLoopBodyReader(BodyBudget budget, WinnowConfig config, LimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize serverMaxBodySize) {
        this.budget = budget;
        this.maxBodyBytes = config.maxBodyBytes();
        this.stallMillis = Math.max(1, limits.bodyStallTimeout().toMillis());
        this.serverMaxBodyBytes = serverMaxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.POST) {
            context.next();
            return;
        }
        long declared = declaredLength(request);
        if (!isClean(context.normalizedPath())) {
            if (declared > serverMaxBodyBytes) {
                refuse(context, ProblemException.bodyTooLarge("the request body is " + declared + " bytes long; the server's "
                        + "limit is " + serverMaxBodyBytes + " bytes (quarkus.http.limits.max-body-size)"));
                return;
            }
            context.next();
            return;
        }
        if (declared > maxBodyBytes) {
            refuse(context, tooLarge("the request body is " + declared + " bytes long"));
            return;
        }
        boolean gzip;
        try {
            gzip = CleanRequestReader.isGzip(request.getHeader(HttpHeaders.CONTENT_ENCODING));
        } catch (ProblemException e) {
            refuse(context, e);
            return;
        }
        BodyBudget.Share share = budget.open();
        context.addEndHandler(answered -> share.close());
        if (request.isEnded()) {
            new ReceivedBody(new byte[0], gzip, share).attachTo(context);
            context.next();
            return;
        }
        int first = (int) (declared >= 0 ? declared : Math.min(maxBodyBytes, FIRST_CHUNKED_BUFFER));
        if (!share.growTo(first)) {
            refuse(context, spent(first));
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue();
        }
        new Collector(context, share, gzip, new byte[first]).start();
    }

    /** The body as it arrives, into one array, with a timer that goes off when it stalls. */
    private final class Collector {
        private final RoutingContext context;
        private final HttpServerRequest request;
        private final BodyBudget.Share share;
        private final boolean gzip;
        private byte[] buffer;
        private int size;
        private long timer = -1;
        private boolean done;

        Collector(RoutingContext context, BodyBudget.Share share, boolean gzip, byte[] buffer) {
            this.context = context;
            this.request = context.request();
            this.share = share;
            this.gzip = gzip;
            this.buffer = buffer;
        }

        void start() {
            request.exceptionHandler(this::broken);
            request.endHandler(ended -> end());
            armTimer();
            request.handler(this::received);
            request.resume();
        }

        private void received(Buffer data) {
            if (done) {
                return;
            }
            int n = data.length();
            if ((long) size + n > maxBodyBytes) {
                stop();
                refuse(context, tooLarge("the request body goes on past the limit"));
                return;
            }
            if (size + n > buffer.length) {
                int capacity = (int) Math.min(maxBodyBytes, Math.max((long) size + n, 2L * buffer.length));
                // the old array stays counted: it is garbage, but not yet collected
                if (!share.growTo(share.held() + capacity)) {
                    stop();
                    refuse(context, spent(share.held() + capacity));
                    return;
                }
                buffer = Arrays.copyOf(buffer, capacity);
            }
            data.getBytes(0, n, buffer, size);
            size += n;
            armTimer();
        }

        private void end() {
            if (done) {
                return;
            }
            stop();
            byte[] bytes = buffer;
            if (size != buffer.length) {
                share.growTo(share.held() + size); // a copy this size is within what the buffer already holds
                bytes = Arrays.copyOf(buffer, size);
            }
            buffer = null;
            new ReceivedBody(bytes, gzip, share).attachTo(context);
            context.next();
        }

        private void broken(Throwable failure) {
            // the client went away; nobody is left to answer
            stop();
            share.close();
        }

        private void armTimer() {
            if (timer >= 0) {
                context.vertx().cancelTimer(timer);
            }
            timer = context.vertx().setTimer(stallMillis, fired -> stalled());
        }

        private void stalled() {
            if (done) {
                return;
            }
            stop();
            share.close();
            answer(context, ProblemException.bodyStalled("no byte of the request body arrived for " + stallMillis
                    + " ms (winnow.body-stall-timeout); " + size + " bytes had arrived"), true);
        }

        private void stop() {
            done = true;
            if (timer >= 0) {
                context.vertx().cancelTimer(timer);
                timer = -1;
            }
            request.handler(null);
        }
    }

    /**
     * Whether the path is the one Quarkus REST routes to {@code POST /v1/clean}: it ignores
     * matrix parameters and trailing slashes, so this must too, or such a request would reach the
     * resource without its body.
     */
    static boolean isClean(String path) {
        return isPath(path, CleanResource.PATH);
    }

    /** Whether a normalized request path names {@code target}, matrix parameters and trailing slashes aside. */
    static boolean isPath(String path, String target) {
        if (path == null) {
            return false;
        }
        String p = path.replaceAll(";[^/]*", "");
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(target);
    }

    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec refuses a malformed length before any handler runs
        }
    }

    private ProblemException tooLarge(String what) {
        return ProblemException.bodyTooLarge(what + "; the limit is " + maxBodyBytes + " bytes (winnow.max-body-bytes)");
    }

    private ProblemException spent(long wanted) {
        return ProblemException.bodyBudgetSpent("the service holds as many request bodies as it may "
                + "(winnow.max-in-flight-body-bytes, " + budget.capacity() + " bytes) and this one needs " + wanted
                + " more bytes; try again shortly");
    }

    /**
     * Answers before the body has been read, and reads the rest of it into nowhere: a client
     * still sending would otherwise get a reset connection instead of the answer. A body that
     * goes on for more than the limit again, or stalls, has its connection closed.
     */
    private void refuse(RoutingContext context, ProblemException problem) {
        refuse(context, problem, stallMillis, maxBodyBytes);
    }

    /**
     * Answers {@code problem} before the body has been read, and reads up to {@code maxDropped}
     * bytes of the rest into nowhere, so that a client still sending can read the answer; more,
     * or a stall of {@code stallMillis}, closes the connection. The answer says
     * {@code Connection: close}, and the connection closes once the rest has been read: a client
     * that pooled a connection the server then closes would lose its next request on it.
     */
    static void refuse(RoutingContext context, ProblemException problem, long stallMillis, long maxDropped) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            answer(context, problem, false);
            return;
        }
        long[] dropped = {0};
        long[] timer = {context.vertx().setTimer(stallMillis, fired -> request.connection().close())};
        request.handler(data -> {
            dropped[0] += data.length();
            context.vertx().cancelTimer(timer[0]);
            if (dropped[0] > maxDropped) {
                request.connection().close();
            } else {
                timer[0] = context.vertx().setTimer(stallMillis, fired -> request.connection().close());
            }
        });
        request.exceptionHandler(failure -> context.vertx().cancelTimer(timer[0]));
        Future<Void> written = answer(context, problem, false, true);
        request.endHandler(ended -> {
            context.vertx().cancelTimer(timer[0]);
            written.onComplete(done -> request.connection().close());
        });
        request.resume();
    }

    /** Writes the problem as the answer; {@code close}: and closes the connection once it is written. */
    static void answer(RoutingContext context, ProblemException problem, boolean close) {
        answer(context, problem, close, close);
    }

    /**
     * Writes the problem as the answer, with {@code Connection: close} when {@code saysClose};
     * {@code close}: and closes the connection once it is written.
     *
     * @return when the answer is written (at once when one was already under way)
     */
    private static Future<Void> answer(RoutingContext context, ProblemException problem, boolean close, boolean saysClose) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            if (close) {
                context.request().connection().close();
            }
            return Future.succeededFuture();
        }
        response.setStatusCode(problem.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, dev.winnow.http.problem.Problem.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        if (saysClose) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        return response.end(problem.toProblem(context.normalizedPath()).toJson()).onComplete(written -> {
            if (close) {
                context.request().connection().close();
            }
        });
    }
}
