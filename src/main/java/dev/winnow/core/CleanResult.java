package dev.winnow.core;

import dev.winnow.core.render.Format;
import java.util.List;
import java.util.Map;

/**
 * The cleaned document and what was found in it.
 *
 * @param output  the kept blocks rendered in {@code format}
 * @param format  the output format
 * @param counts  blocks per label, every label present, in label order
 * @param blocks  every block with its label; empty unless asked for
 * @param modelId the id of the model that labelled the blocks
 */
public record CleanResult(String output, Format format, Map<Label, Integer> counts, List<LabelledBlock> blocks, String modelId) {

    /**
     * Whether a block was labelled {@code paywall}: the page is gated, metered or restricted, so
     * the text may be incomplete.
     */
    public boolean paywalled() {
        return counts.getOrDefault(Label.PAYWALL, 0) > 0;
    }
}
