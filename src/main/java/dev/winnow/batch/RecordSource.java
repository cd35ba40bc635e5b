package dev.winnow.batch;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Input records, read one after another by one thread. Each record comes as the work that turns
 * it into its output record; the work runs later on any worker, so it holds the record's bytes
 * and does the parsing, decoding and cleaning itself.
 */
public interface RecordSource extends Closeable {

    /**
     * @return the next record's work, or null at the end of the input
     * @throws IOException when the input cannot be read on: the run stops after the records before
     */
    Supplier<Outcome> next() throws IOException;

    /**
     * The record that stands for everything from the point where the input became unreadable:
     * an error record saying where and why.
     */
    Outcome unreadable(IOException e);

    /** Input records that are not documents and were passed over (WARC request records, images). */
    default long skipped() {
        return 0;
    }

    /** What {@link #skipped()} counts, for the summary. */
    default String skippedWhat() {
        return "records skipped";
    }

    @Override
    default void close() throws IOException {
    }
}
