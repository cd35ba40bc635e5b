package dev.winnow.http;

import static dev.winnow.http.RawHttp.json;
import static dev.winnow.http.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.SafeHtml;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/**
 * {@code format=markdown} rendered as a client renders it: commonmark-java, raw HTML passed
 * through as HTML (its default). The vectors of {@link XssVectorsTest}, as markup and as text
 * (escaped in the page, so that they are the article's words) in every kind of block the
 * renderer writes, and after a code fence inside code, leave no script, handler or script URL
 * in the HTML (before the fix 16 of 64 placements of the payloads did).
 */
@QuarkusTest
class MarkdownSafetyTest {

    static final Parser PARSER = Parser.builder().build();
    static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    /** Every place a vector can sit in the article: as markup, and as text in each kind of block. */
    static List<String> pages(String vector) {
        String text = Entities.escape(vector);
        String lead = "<h1>Budget passes</h1><p>" + XssVectorsTest.LEAD + "</p>";
        String tail = "<p>" + XssVectorsTest.TAIL + "</p>";
        List<String> pages = new ArrayList<>(XssVectorsTest.pages(vector));
        for (String block : List.of("<p>Before " + text + " after.</p>", "<p>" + text + "</p>", "<h2>" + text + "</h2>",
                "<ul><li>" + text + "</li><li>" + text + "</li></ul>", "<ol><li>" + text + "</li></ol>",
                "<blockquote>" + text + "</blockquote>", "<table><tr><td>" + text + "</td><td>| " + text + "</td></tr></table>",
                "<pre><code>int x;\n```\n" + text + "\n```\n</code></pre>")) {
            pages.add("<html><body><article>" + lead + block + tail + "</article></body></html>");
        }
        return pages;
    }

    @Test
    void noVectorSurvivesTheMarkdownOutputRenderedByCommonMark() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        List<String> vectors = new ArrayList<>(XssVectorsTest.vectors());
        vectors.addAll(List.of("[click me](javascript:alert(1))", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
                "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<javascript:alert(1)>",
                "[a]: javascript:alert(1)", "[a]"));
        for (String vector : vectors) {
            for (String page : pages(vector)) {
                String markdown = json(post("/v1/clean?drop=&format=markdown", "text/html", page)).path("text").asText();
                String html = HTML.render(PARSER.parse(markdown));
                List<String> unsafe = SafeHtml.violations(html);
                if (!unsafe.isEmpty()) {
                    failures.add("vector " + vector + "\n  left " + unsafe + " in:\n  " + markdown + "\n  rendered:\n  " + html);
                }
                if (!html.contains(XssVectorsTest.LEAD)) {
                    failures.add("vector " + vector + "\n  took the article's text with it:\n  " + markdown);
                }
                checked++;
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " pages failed:\n" + String.join("\n", failures));
    }
}
