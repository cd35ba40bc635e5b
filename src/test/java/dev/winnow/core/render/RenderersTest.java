package dev.winnow.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.HtmlSegmenter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {

    private static final String ARTICLE = "<article><h2>Heading</h2><p>First <a href='https://example.org/a' onclick='x()'>link</a> "
            + "<img src='https://example.org/i.png' onerror='alert(1)'> para.</p><ul><li>one</li><li>two</li></ul>"
            + "<ol><li>first</li></ol><blockquote>quoted</blockquote><table><tr><td>a</td><td>b</td></tr></table>"
            + "<p><a href='javascript:alert(1)'>bad link</a></p></article>";

    private final List<Block> blocks = new HtmlSegmenter().segment(ARTICLE);

    @Test
    void htmlKeepsStructureLinksAndImagesButNoScriptVectors() {
        String html = Format.HTML.renderer().render(blocks);
        assertTrue(html.contains("<h2>Heading</h2>"), html);
        assertTrue(html.contains("<a href=\"https://example.org/a\" rel=\"nofollow\">link</a>"), html);
        assertTrue(html.contains("<img src=\"https://example.org/i.png\">"), html);
        assertTrue(html.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"), html);
        assertTrue(html.contains("<ol>\n<li>first</li>\n</ol>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<td>a</td><td>b</td>"), html);
        assertFalse(html.contains("onclick") || html.contains("onerror") || html.contains("javascript:"), html);
        assertTrue(html.contains("bad link"), "the text of a bad link stays: " + html);
    }

    @Test
    void markdownWritesHeadingsListsQuotesAndRows() {
        String md = Format.MARKDOWN.renderer().render(blocks);
        assertEquals("## Heading\n\nFirst link para.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n| a | b |\n\nbad link", md);
    }

    @Test
    void markdownEscapesTextThatWouldStartSyntax() {
        List<Block> b = new HtmlSegmenter().segment("<p># not a heading</p><p>1. not a list</p>");
        assertEquals("\\# not a heading\n\n1\\. not a list", Format.MARKDOWN.renderer().render(b));
    }

    @Test
    void markdownEscapesEverySyntaxCharacterInText() {
        List<Block> b = new HtmlSegmenter().segment("<p>[click me](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; "
                + "*a* _b_ `c` &amp;lt; ~d~ | e \\ !</p><h2>## h &lt;script&gt;</h2><ul><li>- [ ] item</li></ul>"
                + "<table><tr><td>a | b</td><td>---</td></tr></table><p>+ plus</p><p>===</p><p>3) three</p>");
        assertEquals("\\[click me\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*a\\* \\_b\\_ \\`c\\` \\&lt; "
                + "\\~d\\~ \\| e \\\\ \\!\n\n## \\#\\# h \\<script\\>\n\n- \\- \\[ \\] item\n\n| a \\| b | \\--- |\n\n"
                + "\\+ plus\n\n\\===\n\n3\\) three", Format.MARKDOWN.renderer().render(b));
    }

    @Test
    void markdownCodeFenceIsLongerThanAnyBacktickRunInTheCode() {
        List<Block> b = new HtmlSegmenter().segment("<pre><code>a\n```\n[x](javascript:y)\n`````\nb</code></pre>");
        assertEquals("``````\na\n```\n[x](javascript:y)\n`````\nb\n``````", Format.MARKDOWN.renderer().render(b));
    }

    @Test
    void textIsOneBlockPerLine() {
        assertEquals("Heading\nFirst link para.\none\ntwo\nfirst\nquoted\na | b\nbad link", Format.TEXT.renderer().render(blocks));
    }
}
