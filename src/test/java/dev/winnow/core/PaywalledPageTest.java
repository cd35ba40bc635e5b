package dev.winnow.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.TestPages;
import dev.winnow.core.model.LabelModel;
import dev.winnow.core.model.PaywalledAt;
import dev.winnow.core.segment.Block;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code paywalled} on a real gated page: a STAT+ article (WCXB page 0221) whose text stops at a
 * subscriber gate. The page is gated because the gate stands where the article's text stops; the
 * same gate's lines at the foot of the page, after the site's footer, say nothing about the text.
 * HTML and plain text are each judged from the model's threshold for that kind of input.
 */
class PaywalledPageTest {
    private static final CleanOptions WITH_BLOCKS = CleanOptions.DEFAULT.withBlocks(true);
    private static Winnow winnow;
    private static String page;
    /** The page as a crawl dump holds it: one line per block, no markup. */
    private static String plainText;

    @BeforeAll
    static void load() throws IOException {
        winnow = Winnow.fromClasspath();
        page = TestPages.gunzip(Path.of("src/test/resources/pages/wcxb/0221.html.gz"));
        StringBuilder text = new StringBuilder();
        for (Block b : winnow.segment(Input.html(page))) {
            text.append(b.text()).append('\n');
        }
        plainText = text.toString();
    }

    private static Document withGate(boolean moveToTheEnd) {
        Document doc = Jsoup.parse(page);
        Element gate = doc.selectFirst("div.restricted-content-breaker");
        if (moveToTheEnd) {
            gate.remove();
            doc.body().appendChild(gate);
        }
        return doc;
    }

    private static boolean hasASureGateLine(CleanResult result) {
        return result.blocks().stream().anyMatch(b -> winnow.model().gates(b.prediction(), Input.Kind.HTML));
    }

    /** The shipped model with other thresholds for the two kinds of input, and nothing else changed. */
    private static Winnow withThresholds(double html, double text) {
        LabelModel model = winnow.model();
        return new Winnow(model.withCalibration(model.id(), model.outputWeights(), new PaywalledAt(html, text)));
    }

    @Test
    void aGateWhereTheArticleStopsMakesThePagePaywalled() {
        CleanResult result = winnow.clean(Input.html(withGate(false).outerHtml()), WITH_BLOCKS);
        assertTrue(result.paywalled(), "the STAT+ gate follows the article's last paragraph");
        assertFalse(result.output().contains("exclusive to STAT+ subscribers"), "the gate is not article text");
        assertTrue(result.output().contains("stop covering blockbuster obesity drugs"), "the article's text is kept");
    }

    @Test
    void theSameGateAtTheFootOfThePageDoesNotGateIt() {
        CleanResult result = winnow.clean(Input.html(withGate(true).outerHtml()), WITH_BLOCKS);
        assertTrue(hasASureGateLine(result), "moved, the gate's lines are still sure paywall notices, so the test reads the rule");
        assertFalse(result.paywalled(), "a notice far from the article's text says nothing about whether it is complete");
    }

    @Test
    void readAsPlainTextTheGatedPageIsPaywalledToo() {
        CleanResult result = winnow.clean(Input.text(plainText), CleanOptions.DEFAULT);
        assertTrue(result.paywalled(), "the gate's lines follow the article's last line in the text as well");
        assertFalse(result.output().contains("exclusive to STAT+ subscribers"));
    }

    @Test
    void eachKindOfInputIsJudgedByItsOwnThreshold() {
        // the gate's surest line scores 0.97-0.98 in both forms, below 0.99
        PaywalledAt shipped = winnow.model().paywalledAt();
        Winnow strictForText = withThresholds(shipped.html(), 0.99);
        Winnow strictForHtml = withThresholds(0.99, shipped.text());
        assertTrue(strictForText.clean(Input.html(page), CleanOptions.DEFAULT).paywalled());
        assertFalse(strictForText.clean(Input.text(plainText), CleanOptions.DEFAULT).paywalled());
        assertFalse(strictForHtml.clean(Input.html(page), CleanOptions.DEFAULT).paywalled());
        assertTrue(strictForHtml.clean(Input.text(plainText), CleanOptions.DEFAULT).paywalled());
    }

    @Test
    void withoutItsGateThePageIsNotPaywalled() {
        Document doc = withGate(false);
        doc.selectFirst("div.restricted-content-breaker").remove();
        assertFalse(winnow.clean(Input.html(doc.outerHtml()), CleanOptions.DEFAULT).paywalled());
    }
}
