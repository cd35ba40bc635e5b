package dev.winnow.batch;

/**
 * One record cannot be read: its bytes are not valid in their charset, its file cannot be opened,
 * it is over a size limit. The record becomes an error record with this message; the run goes on.
 */
public final class RecordException extends RuntimeException {
    public RecordException(String message) {
        super(message, null, false, false);
    }
}
