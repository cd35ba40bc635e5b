package dev.winnow.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSegmenterTest {

    private final TextSegmenter segmenter = new TextSegmenter();

    @Test
    void everyNonEmptyLineIsABlockAndKeepsItsExactCharacters() {
        List<Block> blocks = segmenter.segment("  Title with  two spaces\n\n\tSecond line\r\nlast");
        assertEquals(3, blocks.size());
        assertEquals("  Title with  two spaces", blocks.get(0).raw());
        assertEquals("Title with two spaces", blocks.get(0).text());
        assertEquals("\tSecond line", blocks.get(1).raw(), "CR of CRLF is not part of the line");
        assertEquals("last", blocks.get(2).text());
        assertFalse(blocks.get(0).context().isHtml());
    }

    @Test
    void whitespaceOnlyLinesAreNotBlocks() {
        assertEquals(List.of("a", "b"), segmenter.segment("a\n \u00a0 \n\nb\n").stream().map(Block::text).toList());
    }
}
