package dev.winnow.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Readability's class and id words, read as its case-blind regular expressions read them. */
class ContainerTest {

    private static Container of(String html) {
        Element element = Jsoup.parseBodyFragment(html).body().child(0);
        Container container = new Container(null, element, element.normalName(), 1);
        container.addScore(0);
        return container;
    }

    @Test
    void commentSectionsAreFoundInAnyCaseAndLanguage() {
        assertTrue(of("<div class='Comments-List'></div>").comments);
        assertTrue(of("<section id='KOMMENTARE'></section>").comments);
        assertTrue(of("<ol class='replies'></ol>").comments);
        assertTrue(of("<div class='disqus_thread'></div>").comments);
        assertFalse(of("<div class='replacement-text'></div>").comments, "'repl' alone is not a reply");
        assertFalse(of("<div class='article-body'></div>").comments);
        assertFalse(of("<div></div>").comments);
    }

    @Test
    void contentNamesRaiseAndClutterNamesLowerTheScore() {
        assertEquals(5, of("<div></div>").finalScore());
        assertEquals(30, of("<div class='ArticleBody'></div>").finalScore());
        assertEquals(-20, of("<div id='sidebar-right'></div>").finalScore());
        // both kinds of word: Readability adds both
        assertEquals(5, of("<div class='post-footer'></div>").finalScore());
        assertEquals(-30, of("<h2 class='widget'></h2>").finalScore());
    }

    @Test
    void onlyAsciiLettersAreFoldedAsTheRegularExpressionsDid() {
        // the Kelvin sign lower-cases to "k" in Unicode; Readability's pattern never saw a "kommentar" in it
        assertFalse(of("<div class='\u212Aommentar'></div>").comments);
        assertTrue(of("<div class='Kommentar'></div>").comments);
    }
}
