package dev.winnow.core.render;

import dev.winnow.core.segment.Block;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The kept blocks as clean HTML: headings, paragraphs, lists, quotes, code, table rows, links,
 * images and emphasis, and nothing else. Everything goes through jsoup's {@link Cleaner} at the
 * end, so no script, event handler or {@code javascript:} URL can pass, however the input was
 * written. Wrappers that mean nothing once their attributes are gone (spans, divs, font sizes,
 * links without a target, empty emphasis) are unwrapped: their text stays, the tags go.
 */
public final class HtmlRenderer implements Renderer {
    static final HtmlRenderer INSTANCE = new HtmlRenderer();

    /** Presentational wrappers; jsoup's Cleaner keeps the text of a tag it does not allow. */
    private static final String[] WRAPPERS = {"span", "div", "small", "u", "col", "colgroup"};

    private static final Safelist INLINE = Safelist.basicWithImages()
            .removeTags("p", "ul", "ol", "li", "blockquote", "dl", "dt", "dd", "cite", "q")
            .removeTags(WRAPPERS)
            .removeProtocols("img", "src", "http")
            .addProtocols("img", "src", "http", "https");

    private static final Safelist OUTPUT = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "http", "https")
            .addAttributes("a", "rel")
            .removeTags(WRAPPERS)
            .preserveRelativeLinks(false);

    /** Inline elements that say nothing without text in them. */
    private static final String EMPHASIS = "b, strong, em, i, strike, sub, sup, q, cite";

    @Override
    public String render(List<Block> kept) {
        StringBuilder html = new StringBuilder();
        BlockKind open = null;
        for (Block block : kept) {
            BlockKind kind = BlockKind.of(block);
            if (kind != open) {
                close(open, html);
                open(kind, html);
                open = kind;
            }
            String inner = inner(block);
            switch (kind) {
                case HEADING -> {
                    int level = BlockKind.headingLevel(block);
                    html.append("<h").append(level).append('>').append(inner).append("</h").append(level).append(">\n");
                }
                case LIST_ITEM, ORDERED_ITEM -> html.append("<li>").append(inner).append("</li>\n");
                case QUOTE -> html.append("<p>").append(inner).append("</p>\n");
                case CODE -> html.append("<pre><code>").append(Entities.escape(block.source() == null ? block.text() : block.source().wholeText())).append("</code></pre>\n");
                case ROW -> row(block, html);
                default -> html.append("<p>").append(inner).append("</p>\n");
            }
        }
        close(open, html);
        Document dirty = Jsoup.parseBodyFragment(html.toString());
        Document clean = new Cleaner(OUTPUT).clean(dirty);
        unwrapEmpty(clean);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().strip();
    }

    /**
     * A link whose URL the cleaner removed (javascript:, a relative one) is no link, and emphasis
     * around nothing but spaces is none.
     */
    private static void unwrapEmpty(Document clean) {
        for (Element a : clean.body().select("a:not([href])")) {
            a.unwrap();
        }
        for (Element e : clean.body().select(EMPHASIS)) {
            if (e.text().isBlank() && e.select("img").isEmpty()) {
                e.unwrap();
            }
        }
    }

    /** The block's inline markup when the block is a whole element, else its escaped text. */
    private static String inner(Block block) {
        Element source = block.source();
        if (source == null) {
            return Entities.escape(block.text());
        }
        return Jsoup.clean(source.html(), INLINE);
    }

    private static void row(Block block, StringBuilder html) {
        html.append("<tr>");
        Element source = block.source();
        if (source == null) {
            html.append("<td>").append(Entities.escape(block.text())).append("</td>");
        } else {
            for (Element cell : source.children()) {
                String tag = cell.normalName().equals("th") ? "th" : "td";
                html.append('<').append(tag).append('>').append(Jsoup.clean(cell.html(), INLINE)).append("</").append(tag).append('>');
            }
        }
        html.append("</tr>\n");
    }

    private static void open(BlockKind kind, StringBuilder html) {
        switch (kind) {
            case LIST_ITEM -> html.append("<ul>\n");
            case ORDERED_ITEM -> html.append("<ol>\n");
            case QUOTE -> html.append("<blockquote>\n");
            case ROW -> html.append("<table>\n");
            default -> { }
        }
    }

    private static void close(BlockKind kind, StringBuilder html) {
        if (kind == null) {
            return;
        }
        switch (kind) {
            case LIST_ITEM -> html.append("</ul>\n");
            case ORDERED_ITEM -> html.append("</ol>\n");
            case QUOTE -> html.append("</blockquote>\n");
            case ROW -> html.append("</table>\n");
            default -> { }
        }
    }
}
