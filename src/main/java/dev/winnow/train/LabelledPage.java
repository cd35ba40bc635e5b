package dev.winnow.train;

import dev.winnow.core.Label;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.TextSegmenter;
import java.util.List;

/**
 * A page's blocks with their corpus labels (null where neither gold nor a person decided).
 */
public record LabelledPage(SourcePage page, List<Block> blocks, Label[] labels) {

    /** The same page as a crawl text dump would hold it: one block per line, no DOM. */
    public LabelledPage asText() {
        List<Block> lines = new TextSegmenter().segment(plainText());
        if (lines.size() != blocks.size()) {
            throw new IllegalStateException("text rendering of " + page.key() + " changed the block count");
        }
        return new LabelledPage(page, lines, labels);
    }

    public String plainText() {
        StringBuilder text = new StringBuilder();
        for (Block b : blocks) {
            text.append(b.text()).append('\n');
        }
        return text.toString();
    }
}
