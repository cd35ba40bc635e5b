package dev.winnow.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.winnow.core.Deadline;
import dev.winnow.core.LimitExceededException;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.HtmlSegmenter;
import dev.winnow.core.segment.TextSegmenter;
import dev.winnow.core.segment.Whitespace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Fuzzes both segmenters. Whatever the bytes: no exception but a {@link LimitExceededException},
 * blocks numbered in order from 0, every block's text non-empty and already folded, link
 * characters within the text; for text, every block is a line of the input, in order.
 *
 * <p>{@code ./mvnw verify} replays src/test/resources/dev/winnow/fuzz/SegmenterFuzzTestInputs/;
 * {@code JAZZER_FUZZ=1} fuzzes (docs/security.md).
 */
class SegmenterFuzzTest {

    static final int MAX_BLOCKS = 50_000;
    static final Duration MAX_TIME = Duration.ofSeconds(5);

    @FuzzTest(maxDuration = "2m")
    void htmlSegmenter(byte[] input) {
        String html = new String(input, StandardCharsets.UTF_8);
        List<Block> blocks;
        try {
            blocks = new HtmlSegmenter(512, MAX_BLOCKS).segment(html, Deadline.after(MAX_TIME));
        } catch (LimitExceededException expected) {
            return;
        }
        checkBlocks(blocks);
        for (Block b : blocks) {
            assertTrue(b.context().isHtml());
            assertTrue(b.context().linkChars() >= 0 && b.context().linkChars() <= b.text().length(), () -> "link chars of " + b);
            assertTrue(b.context().depth() >= 0, () -> "depth of " + b);
            assertEquals(b.text(), b.raw(), "an HTML block gives back its folded text");
        }
    }

    @FuzzTest(maxDuration = "2m")
    void textSegmenter(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<Block> blocks;
        try {
            blocks = new TextSegmenter(MAX_BLOCKS).segment(text, Deadline.after(MAX_TIME));
        } catch (LimitExceededException expected) {
            return;
        }
        checkBlocks(blocks);
        int from = 0;
        for (Block b : blocks) {
            assertFalse(b.raw().contains("\n"), () -> "a block spans lines: " + b);
            int at = text.indexOf(b.raw(), from);
            assertTrue(at >= 0, () -> "block " + b.index() + " is not a line of the input, in order");
            from = at + b.raw().length();
            assertEquals(Whitespace.collapse(b.raw()), b.text());
        }
    }

    static void checkBlocks(List<Block> blocks) {
        assertNotNull(blocks);
        assertTrue(blocks.size() <= MAX_BLOCKS);
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            assertEquals(i, b.index(), "blocks are numbered in reading order");
            assertFalse(b.text().isEmpty(), "an empty block");
            assertEquals(b.text(), Whitespace.collapse(b.text()), "a block's text is folded");
        }
    }
}
