package dev.winnow.batch;

/** A command line or job option that cannot run: the batch command exits with 2, a Spark job fails before reading. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
