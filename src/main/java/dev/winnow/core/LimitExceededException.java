package dev.winnow.core;

/** A document asks for more work than the configured {@link Limits} allow. */
public final class LimitExceededException extends RuntimeException {
    public LimitExceededException(String message) {
        super(message);
    }
}
