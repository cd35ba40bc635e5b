package dev.winnow.http;

import static dev.winnow.http.RawHttp.json;
import static dev.winnow.http.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.SafeHtml;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classic XSS filter-evasion vectors (src/test/resources/security/xss-vectors.txt, after the
 * OWASP cheat sheet) posted inside an article with nothing dropped and {@code format=html}: no
 * vector survives {@link SafeHtml}'s checks, in either place a vector can sit (inside a paragraph,
 * whose inline markup is kept, or between blocks), and the article's text always does.
 */
@QuarkusTest
class XssVectorsTest {

    static final String LEAD = "The city council approved the new school budget on Tuesday evening.";
    static final String TAIL = "The vote was seven to two, and the budget takes effect in July.";

    static List<String> vectors() {
        List<String> vectors = Api.fixtureText("security/xss-vectors.txt").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(vectors.size() >= 60, "only " + vectors.size() + " vectors");
        return vectors;
    }

    /** The same vector in a paragraph of the article and between its blocks. */
    static List<String> pages(String vector) {
        return List.of(
                "<html><body><article><h1>Budget passes</h1><p>" + LEAD + "</p><p>Before the vector " + vector
                        + " and after it.</p><p>" + TAIL + "</p></article></body></html>",
                "<html><body><article><p>" + LEAD + "</p>" + vector + "<p>" + TAIL + "</p></article></body></html>");
    }

    @Test
    void noVectorSurvivesTheHtmlOutputAndTheArticleDoes() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String vector : vectors()) {
            for (String page : pages(vector)) {
                String html = json(post("/v1/clean?drop=&format=html", "text/html", page)).path("text").asText();
                List<String> unsafe = SafeHtml.violations(html);
                if (!unsafe.isEmpty()) {
                    failures.add("vector " + vector + "\n  left " + unsafe + " in:\n  " + html);
                }
                if (!html.contains(LEAD)) {
                    failures.add("vector " + vector + "\n  took the article's text with it:\n  " + html);
                }
                checked++;
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " pages failed:\n" + String.join("\n", failures));
    }

    @Test
    void theChecksCatchWhatTheyAreFor() {
        String[] unsafe = {
            "<script>alert(1)</script>", "<p onclick=\"x()\">a</p>", "<a href=\"javascript:alert(1)\">a</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">a</a>", "<img src=\"data:image/png;base64,AA\">", "<iframe src=\"http://x\"></iframe>",
            "<svg></svg>", "<style>p{}</style>", "<object data=\"http://x\"></object>", "<embed src=\"http://x\">",
            "<base href=\"http://x/\">", "<meta charset=\"utf-8\">", "<link rel=\"stylesheet\" href=\"http://x\">",
            "<a href=\"vbscript:msgbox(1)\">a</a>", "<p style=\"color:red\">a</p>"};
        for (String html : unsafe) {
            assertTrue(!SafeHtml.violations(html).isEmpty(), "not caught: " + html);
        }
        assertTrue(SafeHtml.violations("<p>ok <a href=\"https://example.com/\" rel=\"nofollow\">link</a></p>").isEmpty());
        // found by PipelineFuzzTest: "on...=" inside a quoted attribute value is text, not a handler
        assertTrue(SafeHtml.violations("<p><a href=\"https://example.org/x &lt;p onclick=\" rel=\"nofollow\">a</a></p>").isEmpty());
    }
}
