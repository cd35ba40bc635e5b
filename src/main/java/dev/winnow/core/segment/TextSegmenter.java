package dev.winnow.core.segment;

import dev.winnow.core.Deadline;
import dev.winnow.core.LimitExceededException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text, as crawl dumps look: every non-empty line is a block. Lines keep their exact
 * characters in {@link Block#raw()} so kept lines come back as they went in.
 */
public final class TextSegmenter implements Segmenter {

    /** The deadline is looked at once per this many lines. */
    private static final int LINES_PER_CHECK = 4096;

    private final int maxBlocks;

    public TextSegmenter() {
        this(Integer.MAX_VALUE);
    }

    /** @param maxBlocks a document with more blocks is refused as soon as one too many is found */
    public TextSegmenter(int maxBlocks) {
        this.maxBlocks = maxBlocks;
    }

    @Override
    public List<Block> segment(String document) {
        return segment(document, Deadline.NONE);
    }

    /** Splits the lines, stopping with a {@code TimeLimitExceededException} past the deadline. */
    public List<Block> segment(String document, Deadline deadline) {
        List<Block> blocks = new ArrayList<>();
        int start = 0;
        int length = document.length();
        int lines = 0;
        while (start <= length) {
            if (++lines % LINES_PER_CHECK == 0) {
                deadline.check("splitting the text into lines");
            }
            int end = document.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = document.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String text = Whitespace.collapse(line);
            if (!text.isEmpty()) {
                if (blocks.size() >= maxBlocks) {
                    throw new LimitExceededException("the document has more than " + maxBlocks + " blocks, the limit");
                }
                blocks.add(new Block(blocks.size(), text, line, DomContext.NONE, null));
            }
            start = end + 1;
        }
        return blocks;
    }
}
