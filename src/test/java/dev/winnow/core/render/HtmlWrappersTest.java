package dev.winnow.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.segment.HtmlSegmenter;
import org.junit.jupiter.api.Test;

/** format=html keeps the elements that mean something and unwraps the rest. */
class HtmlWrappersTest {

    private static String html(String page) {
        return Format.HTML.renderer().render(new HtmlSegmenter().segment(page));
    }

    @Test
    void spansAndOtherWrappersAreUnwrappedAndTheirTextKept() {
        // The shape of a WCXB page's paragraph: spans in spans, a styled span round a link.
        String page = "<article><p><span><span>Whether </span><span class='c1' style='color:red'>the "
                + "<a href='https://example.org/plan' class='x'><span>plan</span></a> works</span> <small>is</small> "
                + "<u>still</u> <font size='2'>unclear</font>.</span></p></article>";
        assertEquals("<p>Whether the <a href=\"https://example.org/plan\" rel=\"nofollow\">plan</a> works is still unclear.</p>",
                html(page));
    }

    @Test
    void linksWithoutTargetAndEmptyEmphasisAreUnwrapped() {
        String page = "<article><p><a href='javascript:alert(1)'>bad</a> and <a name='x'>anchor</a> "
                + "<em></em><strong>strong</strong> <i><img src='https://example.org/i.png'></i></p></article>";
        assertEquals("<p>bad and anchor <strong>strong</strong> <i><img src=\"https://example.org/i.png\"></i></p>", html(page));
    }

    @Test
    void tableCellsLoseTheirWrappersToo() {
        String page = "<table><tr><th><span><b>a</b></span></th><td><span class='x'><span>b</span></span> <small>c</small></td></tr></table>";
        String html = html(page);
        assertTrue(html.contains("<tr><th><b>a</b></th><td>b c</td></tr>"), html);
    }
}
