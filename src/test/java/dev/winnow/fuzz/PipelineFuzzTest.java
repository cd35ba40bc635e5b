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

/**
 * Fuzzes the whole pipeline, {@link Winnow#clean}, on HTML and on text, in every output format.
 * Whatever the bytes: no exception but a {@link LimitExceededException}; the labelled blocks are
 * exactly the segmenter's; the kept blocks are among them; the counts add up; the text output is
 * the kept blocks; the HTML output passes {@link SafeHtml}.
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

    static void check(Input input) {
        List<Block> segmented;
        try {
            segmented = WINNOW.segment(input);
        } catch (LimitExceededException expected) {
            return;
        }
        for (Format format : Format.values()) {
            for (DropPolicy policy : new DropPolicy[] {DROP_NOTHING, DropPolicy.DEFAULT}) {
                CleanResult result;
                try {
                    result = WINNOW.clean(input, new CleanOptions(policy, format, true));
                } catch (LimitExceededException expected) {
                    return;
                }
                checkResult(segmented, result, policy, format);
            }
        }
    }

    private static void checkResult(List<Block> segmented, CleanResult result, DropPolicy policy, Format format) {
        assertNotNull(result.output());
        List<LabelledBlock> labelled = result.blocks();
        assertEquals(segmented.size(), labelled.size(), "every block is labelled once");
        for (int i = 0; i < labelled.size(); i++) {
            LabelledBlock b = labelled.get(i);
            assertEquals(segmented.get(i).text(), b.block().text(), "the labelled blocks are the segmenter's, in order");
            assertEquals(policy.keeps(b.label()), b.kept(), "kept exactly when the policy keeps the label");
            assertTrue(b.score() >= 0 && b.score() <= 1, () -> "score " + b.score() + " of " + b.block().text());
        }
        assertEquals(labelled.size(), result.counts().values().stream().mapToInt(Integer::intValue).sum(), "counts add up");
        List<String> kept = labelled.stream().filter(LabelledBlock::kept).map(b -> b.block().raw()).toList();
        switch (format) {
            case TEXT -> assertEquals(String.join("\n", kept), result.output(), "the text output is the kept blocks");
            case HTML -> {
                List<String> unsafe = SafeHtml.violations(result.output());
                assertTrue(unsafe.isEmpty(), () -> "unsafe HTML output " + unsafe + ":\n" + result.output());
                if (kept.isEmpty()) {
                    assertEquals("", result.output());
                }
            }
            case MARKDOWN -> {
                if (kept.isEmpty()) {
                    assertEquals("", result.output());
                }
            }
        }
    }
}
