package dev.winnow.http;

import dev.winnow.core.CleanResult;
import dev.winnow.core.Label;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counter {@code winnow_blocks_total{label=...}}: blocks labelled by the model, kept or not.
 * Every label's series exists from start-up, at zero.
 */
@Singleton
public class BlockMetrics {

    private final Map<Label, Counter> counters = new EnumMap<>(Label.class);

    public BlockMetrics(MeterRegistry registry) {
        for (Label label : Label.values()) {
            counters.put(label, Counter.builder("winnow.blocks")
                    .description("Blocks labelled by the model, by label")
                    .tag("label", label.id())
                    .register(registry));
        }
    }

    public void record(CleanResult result) {
        record(result.counts());
    }

    /** Blocks per label of one cleaned document. */
    public void record(Map<Label, Integer> counts) {
        counts.forEach((label, n) -> {
            if (n > 0) {
                counters.get(label).increment(n);
            }
        });
    }
}
