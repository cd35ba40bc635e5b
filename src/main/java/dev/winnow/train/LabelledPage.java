package dev.winnow.train;

import dev.winnow.core.Label;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.TextSegmenter;
import java.util.List;

/**
 * A page's blocks with their corpus labels (null where neither gold nor a person decided), which
 * of those labels a person gave by reading the block rather than the alignment, which of those a
 * label record marked to teach the editorial decision only ({@code "editorialOnly"}), and which
 * are hard negatives: article text that talks about subscriptions, donations or ads
 * ({@code "hardNegative"}).
 */
public record LabelledPage(SourcePage page, List<Block> blocks, Label[] labels, boolean[] reviewed, boolean[] editorialOnly,
                           boolean[] hardNegative) {

    /** A page none of whose blocks is marked a hard negative. */
    public LabelledPage(SourcePage page, List<Block> blocks, Label[] labels, boolean[] reviewed, boolean[] editorialOnly) {
        this(page, blocks, labels, reviewed, editorialOnly, new boolean[labels.length]);
    }

    /** A page every label of which teaches the second stage as well. */
    public LabelledPage(SourcePage page, List<Block> blocks, Label[] labels, boolean[] reviewed) {
        this(page, blocks, labels, reviewed, new boolean[labels.length]);
    }

    /** A page none of whose labels a person gave. */
    public LabelledPage(SourcePage page, List<Block> blocks, Label[] labels) {
        this(page, blocks, labels, new boolean[labels.length]);
    }

    /** The same page as a crawl text dump would hold it: one block per line, no DOM. */
    public LabelledPage asText() {
        List<Block> lines = new TextSegmenter().segment(plainText());
        if (lines.size() != blocks.size()) {
            throw new IllegalStateException("text rendering of " + page.key() + " changed the block count");
        }
        return new LabelledPage(page, lines, labels, reviewed, editorialOnly, hardNegative);
    }

    public String plainText() {
        StringBuilder text = new StringBuilder();
        for (Block b : blocks) {
            text.append(b.text()).append('\n');
        }
        return text.toString();
    }
}
