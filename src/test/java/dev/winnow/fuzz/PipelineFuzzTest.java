package dev.winnow.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.winnow.SafeHtml;
import dev.winnow.core.CleanOptions;
import dev.winnow.core.CleanResult;
import dev.winnow.core.Input;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.LimitExceededException;
import dev.winnow.core.Limits;
import dev.winnow.core.Winnow;
import dev.winnow.core.policy.DropPolicy;
import dev.winnow.core.render.Format;
import dev.winnow.core.segment.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fuzzes the whole pipeline, {@link Winnow#clean}, on HTML and on text, in every output format
 * and with two drop policies. Whatever the bytes: no exception but a {@link LimitExceededException};
 * the labelled blocks are exactly the segmenter's, in order; the counts add up; the text output is
 * the kept blocks; no output of no blocks is anything but empty; the HTML output passes
 * {@link SafeHtml}.
 *
 * <p>{@code ./mvnw verify} replays src/test/resources/dev/winnow/fuzz/PipelineFuzzTestInputs/;
 * {@code JAZZER_FUZZ=1} fuzzes (docs/security.md).
 */
class PipelineFuzzTest {

    private static final Winnow WINNOW = load();
    private static final DropPolicy DROP_NOTHING = DropPolicy.parse("");

    private static Winnow load() {
        try {
            return Winnow.fromClasspath().withLimits(new Limits(50_000, 512, Duration.ofSeconds(5)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void cleanHtml(byte[] input) {
        check(Input.html(new String(input, StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "2m")
    void cleanText(byte[] input) {
        check(Input.text(new String(input, StandardCharsets.UTF_8)));
    }

    /**
     * One clean through the front door (everything kept, HTML out, blocks listed), checked; then
     * the same labelled blocks rendered in every format under both policies, so each input costs
     * one labelling.
     */
    static void check(Input input) {
        List<Block> segmented;
        CleanResult result;
        try {
            segmented = WINNOW.segment(input);
            result = WINNOW.clean(input, new CleanOptions(DROP_NOTHING, Format.HTML, true));
        } catch (LimitExceededException expected) {
            return;
        }
        checkResult(segmented, result);
        for (DropPolicy policy : new DropPolicy[] {DROP_NOTHING, DropPolicy.DEFAULT}) {
            List<Block> kept = result.blocks().stream().filter(b -> policy.keeps(b.label())).map(LabelledBlock::block).toList();
            for (Format format : Format.values()) {
                checkOutput(format, kept, format.renderer().render(kept));
            }
        }
    }

    private static void checkResult(List<Block> segmented, CleanResult result) {
        List<LabelledBlock> labelled = result.blocks();
        assertEquals(segmented.size(), labelled.size(), "every block is labelled once");
        for (int i = 0; i < labelled.size(); i++) {
            LabelledBlock b = labelled.get(i);
            assertEquals(segmented.get(i).text(), b.block().text(), "the labelled blocks are the segmenter's, in order");
            assertTrue(b.kept(), "nothing is dropped");
            assertTrue(b.score() >= 0 && b.score() <= 1, () -> "score " + b.score() + " of " + b.block().text());
        }
        assertEquals(labelled.size(), result.counts().values().stream().mapToInt(Integer::intValue).sum(), "counts add up");
        checkOutput(Format.HTML, labelled.stream().map(LabelledBlock::block).toList(), result.output());
    }

    private static void checkOutput(Format format, List<Block> kept, String output) {
        assertNotNull(output);
        if (kept.isEmpty()) {
            assertEquals("", output, format + " output of no blocks");
        }
        switch (format) {
            case TEXT -> assertEquals(kept.stream().map(Block::raw).collect(Collectors.joining("\n")), output,
                    "the text output is the kept blocks");
            case HTML -> {
                List<String> unsafe = SafeHtml.violations(output);
                assertTrue(unsafe.isEmpty(), () -> "unsafe HTML output " + unsafe + ":\n" + output);
            }
            case MARKDOWN -> assertEquals(kept.isEmpty(), output.isEmpty(), "markdown output of " + kept.size() + " blocks");
        }
    }
}
