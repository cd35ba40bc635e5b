package dev.winnow.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The limits on decompression, time and concurrency, under the same {@code winnow.} prefix as
 * {@link WinnowConfig} (which holds the body, block and depth limits). Every one can also be set
 * from the environment ({@code WINNOW_MAX_PROCESSING_TIME}, ...). docs/security.md lists them all.
 */
@ConfigMapping(prefix = "winnow")
public interface LimitsConfig {

    /**
     * A body sent with {@code Content-Encoding: gzip} is inflated up to this many bytes; one that
     * inflates to more is refused with 413 as soon as it passes the limit, never inflated in full.
     * Default 10 MiB, the same as {@code winnow.max-body-bytes}.
     */
    @WithDefault("10485760")
    long maxDecompressedBytes();

    /**
     * How long decoding, segmenting, labelling and rendering one document may take, including the
     * wait for a free cleaning slot; past it the work stops and the answer is 422 (or 503 when the
     * time ran out waiting for a slot). Reading the body from the network does not count. {@code 0}
     * for no limit. Default 10 s; an ordinary page takes milliseconds. In the batch endpoint it
     * applies to each record.
     */
    @WithDefault("10s")
    Duration maxProcessingTime();

    /**
     * How many {@code POST /v1/clean} requests are decoded and cleaned at once; the others wait
     * for a slot, within {@link #maxProcessingTime()}. Bounds the memory and the CPU that
     * concurrent requests can take. Default the number of cores.
     */
    OptionalInt maxConcurrentCleans();

    /**
     * How many bytes of request bodies {@code POST /v1/clean} holds at once: bodies being
     * received, waiting for a cleaning slot or being cleaned, and gzip'd bodies once inflated. A
     * body's share is taken before it is read (its {@code Content-Length}, or as a chunked body
     * grows) or inflated, and given back when the answer has been written; a request whose share
     * is not free gets 503 with {@code Retry-After}. Default a quarter of the maximum heap.
     */
    OptionalLong maxInFlightBodyBytes();

    /**
     * How long a request body may stall, no byte arriving, before the request is answered 408
     * and the connection closed. The body is read on the I/O threads, so a slow client holds no
     * worker thread; this bounds how long it holds its share of the body budget. Default 10 s.
     */
    @WithDefault("10s")
    Duration bodyStallTimeout();

    /**
     * How many {@code POST /v1/clean/batch} requests are served at once. A batch body has no
     * overall size and is read, as its records are cleaned, by a worker thread; this bounds how
     * many worker threads slow batch clients can hold. A batch past it gets 503 with
     * {@code Retry-After} at once. Default twice the number of cores.
     */
    OptionalInt maxConcurrentBatches();
}
