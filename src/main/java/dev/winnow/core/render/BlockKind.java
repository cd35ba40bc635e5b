package dev.winnow.core.render;

import dev.winnow.core.segment.Block;
import org.jsoup.nodes.Element;

/** What a block is in the output document, read from its tag and its list's tag. */
enum BlockKind {
    HEADING, LIST_ITEM, ORDERED_ITEM, QUOTE, CODE, ROW, PARAGRAPH;

    static BlockKind of(Block block) {
        String tag = block.context().tag();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
            return HEADING;
        }
        switch (tag) {
            case "li": {
                Element source = block.source();
                Element list = source == null ? null : source.parent();
                return list != null && list.normalName().equals("ol") ? ORDERED_ITEM : LIST_ITEM;
            }
            case "blockquote": return QUOTE;
            case "pre": return CODE;
            case "tr": return ROW;
            default: return PARAGRAPH;
        }
    }

    static int headingLevel(Block block) {
        return block.context().tag().charAt(1) - '0';
    }
}
