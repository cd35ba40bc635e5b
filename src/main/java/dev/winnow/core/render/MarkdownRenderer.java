package dev.winnow.core.render;

import dev.winnow.core.segment.Block;
import java.util.List;

/** CommonMark: headings, list items, quotes, code and table rows keep their shape. */
public final class MarkdownRenderer implements Renderer {
    static final MarkdownRenderer INSTANCE = new MarkdownRenderer();

    @Override
    public String render(List<Block> kept) {
        StringBuilder out = new StringBuilder();
        BlockKind previous = null;
        for (Block block : kept) {
            BlockKind kind = BlockKind.of(block);
            if (out.length() > 0) {
                boolean sameRun = kind == previous && (kind == BlockKind.LIST_ITEM || kind == BlockKind.ORDERED_ITEM || kind == BlockKind.ROW);
                out.append(sameRun ? "\n" : "\n\n");
            }
            String text = block.text();
            switch (kind) {
                case HEADING -> out.append("#".repeat(BlockKind.headingLevel(block))).append(' ').append(escape(text));
                case LIST_ITEM -> out.append("- ").append(escape(text));
                case ORDERED_ITEM -> out.append("1. ").append(escape(text));
                case QUOTE -> out.append("> ").append(escape(text));
                case CODE -> out.append("```\n").append(block.source() == null ? text : block.source().wholeText().strip()).append("\n```");
                case ROW -> out.append("| ").append(text).append(" |");
                default -> out.append(escape(text));
            }
            previous = kind;
        }
        return out.toString();
    }

    /** Escapes what would otherwise start Markdown syntax at the beginning of a line. */
    static String escape(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        if (c == '#' || c == '>' || c == '-' || c == '+' || c == '*' || c == '=' || c == '|' || c == '`') {
            return "\\" + text;
        }
        if (Character.isDigit(c)) {
            int i = 0;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ')')) {
                return text.substring(0, i) + "\\" + text.substring(i);
            }
        }
        return text;
    }
}
