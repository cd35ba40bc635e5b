package dev.winnow.core;

/** The work on a document went past its {@link Deadline}: the time part of {@link Limits}. */
public final class TimeLimitExceededException extends LimitExceededException {
    public TimeLimitExceededException(String message) {
        super(message);
    }
}
