package dev.winnow.batch;

import dev.winnow.core.Label;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** What a run has written so far; read by the progress line while the run goes on. */
public final class BatchStats {

    private final long startNanos = System.nanoTime();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLongArray blocks = new AtomicLongArray(Label.values().length);

    void add(Outcome outcome) {
        records.incrementAndGet();
        if (outcome.failed()) {
            errors.incrementAndGet();
        } else {
            outcome.counts().forEach((label, n) -> blocks.addAndGet(label.ordinal(), n));
        }
    }

    /** Output records written, cleaned or not. */
    public long records() {
        return records.get();
    }

    /** Error records written. */
    public long errors() {
        return errors.get();
    }

    public long cleaned() {
        return records() - errors();
    }

    /** Blocks per label over every cleaned record, in label order. */
    public Map<Label, Long> blocksByLabel() {
        Map<Label, Long> m = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            m.put(l, blocks.get(l.ordinal()));
        }
        return m;
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public double recordsPerSecond() {
        double s = seconds();
        return s <= 0 ? 0 : records() / s;
    }
}
