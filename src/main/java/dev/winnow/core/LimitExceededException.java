package dev.winnow.core;

/**
 * A document asks for more work than the configured {@link Limits} allow: too many blocks, or
 * (as {@link TimeLimitExceededException}) too much time.
 */
public class LimitExceededException extends RuntimeException {
    public LimitExceededException(String message) {
        super(message);
    }
}
