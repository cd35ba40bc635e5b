package dev.winnow.core.render;

import dev.winnow.core.segment.Block;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * CommonMark: headings, list items, quotes, code and table rows keep their shape, and nothing
 * else in the output is Markdown. The page's text is untrusted, and a Markdown renderer turns
 * syntax in it into links and raw HTML, so every character that is Markdown or HTML syntax is
 * escaped wherever it stands, and code goes into a fence that nothing inside it can close. No
 * link is written: the output has no link target at all, so none can be a script URL.
 */
public final class MarkdownRenderer implements Renderer {
    static final MarkdownRenderer INSTANCE = new MarkdownRenderer();

    /**
     * Syntax anywhere in a line: emphasis, code spans, links and images, raw HTML, autolinks,
     * entity references, tables, strikethrough, and the backslash itself.
     */
    private static final String INLINE_SYNTAX = "\\`*_[]<>&|~!#";

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
                case CODE -> fence(out, block.source() == null ? text : block.source().wholeText().strip());
                case ROW -> out.append("| ").append(String.join(" | ", cells(block))).append(" |");
                default -> out.append(escape(text));
            }
            previous = kind;
        }
        return out.toString();
    }

    /**
     * The code in a backtick fence one longer than the longest run of backticks inside it (at
     * least three), so that no line of the code can close it early and turn what follows into
     * live Markdown.
     */
    static void fence(StringBuilder out, String code) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < code.length(); i++) {
            run = code.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        out.append(fence).append('\n').append(code).append('\n').append(fence);
    }

    /** A row's cells, each escaped; the segmenter's joined text when the row's cells are not at hand. */
    private static List<String> cells(Block block) {
        Element row = block.source();
        List<String> cells = new ArrayList<>();
        if (row != null) {
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    String text = cell.text();
                    if (!text.isBlank()) {
                        cells.add(escape(text));
                    }
                }
            }
        }
        if (cells.isEmpty()) {
            cells.add(escape(block.text()));
        }
        return cells;
    }

    /**
     * The text as one line of Markdown that renders as exactly this text: every character of
     * {@link #INLINE_SYNTAX} is backslash-escaped wherever it stands, and what would start a
     * block (a list marker, a heading underline, an ordered-list number) where the line starts.
     * Line breaks become spaces, and leading white space goes, so no line can open a new block or
     * an indented code block.
     */
    static String escape(String text) {
        String line = text.replace('\r', ' ').replace('\n', ' ').strip();
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (INLINE_SYNTAX.indexOf(c) >= 0 || (i == 0 && (c == '-' || c == '+' || c == '='))) {
                out.append('\\');
            }
            out.append(c);
        }
        int digits = 0;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
            // "1." or "1)" would start an ordered list; the digits are never escaped, so the index holds.
            out.insert(digits, '\\');
        }
        return out.toString();
    }
}
