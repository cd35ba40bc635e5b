package dev.winnow.spark;

import dev.winnow.batch.Field;
import dev.winnow.batch.Outcome;
import dev.winnow.batch.RecordCleaner;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;

/**
 * A task's output records as JSON lines (without the line break), taken lazily from the batch
 * layer's records so that a task holds one record at a time; closes the input at the end, or when
 * the task ends early.
 */
final class OutcomeLines implements Iterator<String> {

    /** The column (and error-record field) naming the input file an error row comes from. */
    static final String FILE = "file";

    private final Iterator<Outcome> outcomes;
    private final Closeable input;
    private final Counters counters;
    private boolean closed;

    OutcomeLines(Iterator<Outcome> outcomes, Closeable input, Counters counters) {
        this.outcomes = outcomes;
        this.input = input;
        this.counters = counters;
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> close());
        }
    }

    /** The one record of a file that could not even be opened. */
    static Iterator<String> unopened(RecordCleaner cleaner, InputFile file, Exception e, Counters counters) {
        Outcome outcome = cleaner.error("the file could not be read: " + e.getMessage(), origin(file), List.of());
        return new OutcomeLines(List.of(outcome).iterator(), () -> { }, counters);
    }

    /** What error records say about where they come from, before their own locator. */
    static List<Field> origin(InputFile file) {
        return List.of(Field.string(FILE, file.path()));
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (outcomes.hasNext()) {
            return true;
        }
        close();
        return false;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Outcome outcome = outcomes.next();
        counters.add(outcome);
        byte[] json = outcome.json();
        return new String(json, 0, json.length - 1, StandardCharsets.UTF_8); // without its '\n'
    }

    private void close() {
        if (!closed) {
            closed = true;
            try {
                input.close();
            } catch (IOException e) {
                // everything needed was read
            }
        }
    }
}
