package dev.winnow.core.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text, as crawl dumps look: every non-empty line is a block. Lines keep their exact
 * characters in {@link Block#raw()} so kept lines come back as they went in.
 */
public final class TextSegmenter implements Segmenter {

    @Override
    public List<Block> segment(String document) {
        List<Block> blocks = new ArrayList<>();
        int start = 0;
        int length = document.length();
        while (start <= length) {
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
                blocks.add(new Block(blocks.size(), text, line, DomContext.NONE, null));
            }
            start = end + 1;
        }
        return blocks;
    }
}
