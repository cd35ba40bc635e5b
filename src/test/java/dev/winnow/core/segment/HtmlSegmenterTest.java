package dev.winnow.core.segment;

import static dev.winnow.TestPages.gunzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlSegmenterTest {

    private final HtmlSegmenter segmenter = new HtmlSegmenter();

    /** WCXB page 0001 (CC-BY-4.0, see sample-corpus/NOTICE.md): a meal-delivery blog article. */
    static String wcxbPage(String id) throws IOException {
        return gunzip(Path.of("src/test/resources/sample-corpus/wcxb-dev/html/" + id + ".html.gz"));
    }

    static Block find(List<Block> blocks, String text) {
        return blocks.stream().filter(b -> b.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no block '" + text + "'"));
    }

    @Test
    void readsARealBlogPageInReadingOrderWithItsLandmarks() throws IOException {
        List<Block> blocks = segmenter.segment(wcxbPage("0001"));

        assertEquals("Skip to content", blocks.get(0).text());
        Block home = find(blocks, "Home");
        assertEquals("li", home.context().tag());
        assertTrue(home.context().has(Landmark.NAV) && home.context().has(Landmark.HEADER), home.toString());
        assertEquals(home.text().length(), home.context().linkChars(), "a menu item is all link");

        Block title = blocks.stream().filter(b -> b.text().startsWith("Top Nutrition Trends for Fall 2025")).findFirst().orElseThrow();
        assertEquals("h2", title.context().tag(), "this page titles its article with an h2");
        assertTrue(title.context().has(Landmark.MAIN), title.toString());
        assertTrue(title.index() > home.index(), "the menu comes before the headline");

        Block copyright = blocks.get(blocks.size() - 1);
        assertTrue(copyright.text().startsWith("Copyright © 2025 Scratch Culinary"), copyright.text());
        assertTrue(copyright.context().has(Landmark.FOOTER));
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(i, blocks.get(i).index());
        }
    }

    @Test
    void dropsScriptsStylesAndTheirText() throws IOException {
        List<Block> blocks = segmenter.segment(wcxbPage("0001"));
        for (Block b : blocks) {
            assertFalse(b.text().contains("function(") || b.text().contains("{display") || b.text().contains("window."),
                    "script or style text leaked into block " + b.index() + ": " + b.text());
        }
    }

    @Test
    void skipsHiddenElements() {
        List<Block> blocks = segmenter.segment("<p>shown</p><div hidden><p>hidden attr</p></div>"
                + "<p style='display: none'>display none</p><p style=\"visibility:hidden\">invisible</p><template><p>tpl</p></template>");
        assertEquals(List.of("shown"), blocks.stream().map(Block::text).toList());
    }

    /** WCXB pages 4486 and 1069 (CC-BY-4.0, see pages/wcxb/NOTICE.md), which a browser builds with script. */
    static String scriptBuiltPage(String id) throws IOException {
        return gunzip(Path.of("src/test/resources/pages/wcxb/" + id + ".html.gz"));
    }

    private List<String> texts(String html) {
        return segmenter.segment(html).stream().map(Block::text).toList();
    }

    @Test
    void readsTabPanelsNotYetChosen() {
        assertEquals(List.of("Python", "Java", "print(1)", "System.out.println(1);"), texts("<div role=tablist><button>Python</button><button>Java</button></div>"
                + "<div role=tabpanel><pre>print(1)</pre></div><div role=tabpanel hidden><pre>System.out.println(1);</pre></div>"
                + "<div role=tabpanel style='display:none'><div hidden><p>a hidden element inside a tab stays hidden</p></div></div>"));
    }

    @Test
    void readsTheLatePartsOfAStreamedPageWhereItsScriptPutsThem() {
        // a Suspense boundary: the fallback goes, the late part takes its place, as $RC does in a browser
        assertEquals(List.of("Menu", "The article.", "Footer"), texts("<header><p>Menu</p></header>"
                + "<main><!--$?--><template id=\"B:0\"></template><p>Loading…</p><!--/$--></main><footer><p>Footer</p></footer>"
                + "<div hidden id=\"S:0\"><p>The article.</p></div><script>$RC(\"B:0\",\"S:0\")</script>"));
        // a page saved without its scripts: the part goes to the placeholder of its number
        assertEquals(List.of("Late part.", "Footer"), texts("<main><template id=\"P:1\"></template></main>"
                + "<footer><p>Footer</p></footer><div hidden id=\"S:1\"><p>Late part.</p></div>"));
        // without a placeholder, it is read where it stands; other hidden elements stay hidden
        assertEquals(List.of("Footer", "Orphan part."), texts("<footer><p>Footer</p></footer>"
                + "<div hidden id=\"S:7\"><p>Orphan part.</p></div><div hidden id=\"dialog\"><p>A closed dialog.</p></div>"));
    }

    @Test
    void readsTheArticleOfARealStreamedPageBetweenItsMenuAndItsFooter() throws IOException {
        List<Block> blocks = segmenter.segment(scriptBuiltPage("4486"));
        Block first = blocks.stream().filter(b -> b.text().startsWith("If you sleep on your side and are on the lookout")).findFirst()
                .orElseThrow(() -> new AssertionError("the streamed article is missing"));
        Block copyright = blocks.stream().filter(b -> b.text().startsWith("Copyright") && b.text().contains("Texas Mattress Makers")).findFirst().orElseThrow();
        assertTrue(first.index() < copyright.index(), "the article stands before the footer, where a reader sees it");
        assertTrue(first.context().has(Landmark.MAIN), first.toString());
        assertTrue(blocks.stream().filter(b -> b.index() > copyright.index()).noneMatch(b -> b.text().length() > 200),
                "no article text left after the footer");
    }

    @Test
    void readsNoscriptOnlyWhenItHoldsMoreTextThanThePage() throws IOException {
        assertEquals(List.of("An article of some length, more than the notice below."),
                texts("<p>An article of some length, more than the notice below.</p><noscript><p>Enable JavaScript.</p></noscript>"));
        assertEquals(List.of("Header", "The whole thread, which only a crawler without script is given."),
                texts("<p>Header</p><noscript><p>The whole thread, which only a crawler without script is given.</p></noscript>"));

        // a Discourse thread: its posts are in <noscript>
        List<Block> thread = segmenter.segment(scriptBuiltPage("1069"));
        assertTrue(thread.stream().anyMatch(b -> b.text().startsWith("I am in need of a new laptop as my power connector is completely shot")),
                "the thread's first post is missing");
    }

    @Test
    void aTableRowOfInlineCellsIsOneBlock() {
        List<Block> blocks = segmenter.segment("<table><tr><th>Year</th><th>Sales</th></tr><tr><td>2024</td><td><a href=x>12</a></td></tr></table>");
        assertEquals(List.of("Year | Sales", "2024 | 12"), blocks.stream().map(Block::text).toList());
        assertEquals("tr", blocks.get(1).context().tag());
        assertEquals(2, blocks.get(1).context().linkChars());
    }

    @Test
    void textAroundANestedBlockBecomesTwoPartialBlocks() {
        List<Block> blocks = segmenter.segment("<div class='promo-box'>Before <p>inner paragraph</p> after</div>");
        assertEquals(List.of("Before", "inner paragraph", "after"), blocks.stream().map(Block::text).toList());
        assertNull(blocks.get(0).source(), "a partial block is not the whole element");
        assertNotNull(blocks.get(1).source());
        assertTrue(blocks.get(2).context().classWords().contains("promo"), blocks.get(2).context().toString());
    }

    @Test
    void splitsClassAndIdValuesIntoWords() {
        Block b = segmenter.segment("<section id='mainContent'><div class='c-newsletterSignup_box2'><p>Sign up</p></div></section>").get(0);
        List<String> words = b.context().classWords();
        assertTrue(words.containsAll(List.of("newsletter", "signup", "box", "main", "content")), words.toString());
    }

    @Test
    void inlineMarkupJoinsIntoOneBlockWithCollapsedSpace() {
        List<Block> blocks = segmenter.segment("<p>The  <b>EU</b>\n rejected <a href='/x'>the result</a>.</p>");
        assertEquals(1, blocks.size());
        assertEquals("The EU rejected the result.", blocks.get(0).text());
        assertEquals("theresult".length(), blocks.get(0).context().linkChars());
    }

    @Test
    void deepNestingBeyondTheLimitIsReadAsText() {
        String html = "<div>".repeat(300) + "deep" + "</div>".repeat(300);
        List<Block> blocks = new HtmlSegmenter(50).segment(html);
        assertEquals(List.of("deep"), blocks.stream().map(Block::text).toList());
    }

    @Test
    void aBlockKnowsWhereItsLinksPointOnARealPage() throws IOException {
        List<Block> blocks = segmenter.segment(wcxbPage("0001"));

        assertEquals(List.of("https://app.scratchculinary.com/signup"), find(blocks, "Order Now").context().links());
        assertEquals(List.of("https://scratchculinary.com/meal-prep/subscription-changes/"),
                find(blocks, "Subscription Changes").context().links());
        assertEquals(List.of(), blocks.stream().filter(b -> b.context().linkChars() == 0).findFirst().orElseThrow().context().links());
    }

    @Test
    void aHeadingWrappedInALinkPointsWhereTheLinkDoes() {
        List<Block> blocks = segmenter.segment("<body><a href='/news/2026/a-long-story-about-something'><h3>Other story</h3>"
                + "<p>Its teaser</p></a><p>Outside <a href='#top'>top</a> and <a href='https://x.com/intent/tweet'>tweet</a></p></body>");

        assertEquals(List.of("/news/2026/a-long-story-about-something"), find(blocks, "Other story").context().links());
        assertEquals(List.of("/news/2026/a-long-story-about-something"), find(blocks, "Its teaser").context().links());
        assertEquals(List.of("#top", "https://x.com/intent/tweet"), find(blocks, "Outside top and tweet").context().links());
    }
}
