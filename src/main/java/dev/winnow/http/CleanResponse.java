package dev.winnow.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.winnow.core.CleanResult;
import dev.winnow.core.Label;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.policy.GateVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON answer of {@code POST /v1/clean}.
 *
 * @param text   the kept blocks in the chosen format
 * @param format the format of {@code text}
 * @param paywalled whether a paywall notice stands beside the article: the text may be incomplete
 * @param labels how many blocks got each label, every label present, in label order
 * @param blocks every block with its label, only when {@code blocks=true} was asked for
 * @param model  the id of the model that labelled the blocks
 */
@JsonPropertyOrder({"text", "format", "paywalled", "labels", "blocks", "model"})
@Schema(name = "CleanResponse", description = "The cleaned document and what was found in it")
public record CleanResponse(
        @Schema(description = "The kept blocks in document order, in the chosen format") String text,
        @Schema(description = "The output format", enumeration = {"text", "html", "markdown"}) String format,
        @Schema(description = "True when a block labelled paywall, at least as sure as the model's threshold, stands within " + GateVerdict.REACH
                + " blocks of the article's text: the page is gated, metered or restricted, so the text may be incomplete")
        boolean paywalled,
        @Schema(description = "Blocks per label, all five labels present",
                example = "{\"editorial\": 30, \"boilerplate\": 0, \"promo\": 0, \"paywall\": 0, \"donation\": 8}")
        Map<String, Integer> labels,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Every block with its label; present only when blocks=true")
        List<BlockView> blocks,
        @Schema(description = "The id of the model that labelled the blocks") String model) {

    /**
     * One block of the document.
     *
     * @param text  the block as it is given back (a text line exactly as sent)
     * @param label the label the model gave it
     * @param score the model's probability of that label
     * @param kept  whether the block is in {@code text}
     */
    @JsonPropertyOrder({"text", "label", "score", "kept"})
    @Schema(name = "Block")
    public record BlockView(
            String text,
            @Schema(enumeration = {"editorial", "boilerplate", "promo", "paywall", "donation"}) String label,
            @Schema(description = "Probability of the label, 0 to 1") double score,
            boolean kept) {

        static BlockView of(LabelledBlock block) {
            return new BlockView(block.block().raw(), block.label().id(), block.score(), block.kept());
        }
    }

    static CleanResponse of(CleanResult result, boolean withBlocks) {
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (Label label : Label.values()) {
            labels.put(label.id(), result.counts().getOrDefault(label, 0));
        }
        List<BlockView> blocks = withBlocks ? result.blocks().stream().map(BlockView::of).toList() : null;
        return new CleanResponse(result.output(), result.format().id(), result.paywalled(), labels, blocks, result.modelId());
    }
}
