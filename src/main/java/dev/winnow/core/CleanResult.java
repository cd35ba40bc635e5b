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
 * @param paywalled whether a block labelled {@code paywall} with at least the model's threshold
 *                  of probability stands beside the article ({@code GateVerdict}): the page is
 *                  gated, metered or restricted, so the text may be incomplete
 */
public record CleanResult(String output, Format format, Map<Label, Integer> counts, List<LabelledBlock> blocks, String modelId,
                          boolean paywalled) {
}
