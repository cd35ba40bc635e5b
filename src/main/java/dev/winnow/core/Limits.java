package dev.winnow.core;

import java.time.Duration;

/**
 * Bounds on the work one document may cause.
 *
 * @param maxBlocks a document with more blocks is refused; segmenting stops as soon as it has more
 * @param maxDepth  elements nested deeper than this are read as text of their ancestor
 * @param maxTime   how long one document may take to segment, label and render; past it the work
 *                  stops with a {@link TimeLimitExceededException}. {@link Duration#ZERO} for no limit
 */
public record Limits(int maxBlocks, int maxDepth, Duration maxTime) {

    /** Ten seconds: the default of {@link #maxTime()}; an ordinary page takes milliseconds. */
    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(10);

    public static final Limits DEFAULT = new Limits(50_000, 512, DEFAULT_MAX_TIME);

    public Limits {
        if (maxBlocks <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("maxBlocks and maxDepth must be positive, not " + maxBlocks + " and " + maxDepth);
        }
        if (maxTime == null || maxTime.isNegative()) {
            throw new IllegalArgumentException("maxTime must be zero (no limit) or positive, not " + maxTime);
        }
    }

    /** These block and depth limits, with the default time limit. */
    public Limits(int maxBlocks, int maxDepth) {
        this(maxBlocks, maxDepth, DEFAULT_MAX_TIME);
    }

    public Limits withMaxTime(Duration time) {
        return new Limits(maxBlocks, maxDepth, time);
    }

    /** A deadline of {@link #maxTime()} from now. */
    public Deadline deadline() {
        return Deadline.after(maxTime);
    }
}
