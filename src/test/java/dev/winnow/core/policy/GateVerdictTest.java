package dev.winnow.core.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GateVerdictTest {

    /** 'E' editorial, 'G' a sure paywall notice, '.' anything else. */
    private static boolean gated(String page) {
        boolean[] gates = new boolean[page.length()];
        boolean[] editorial = new boolean[page.length()];
        for (int i = 0; i < page.length(); i++) {
            gates[i] = page.charAt(i) == 'G';
            editorial[i] = page.charAt(i) == 'E';
        }
        return GateVerdict.gated(gates, editorial);
    }

    @Test
    void aGateRightAfterTheArticlesLastLinesGatesThePage() {
        assertTrue(gated("....EEEEG......."));
        assertTrue(gated("....EEEE....G..."), "the fifth block after the article");
    }

    @Test
    void aGateThatInterruptsTheArticleOrStandsRightBeforeItGatesThePage() {
        assertTrue(gated("EEEGGEEE"));
        assertTrue(gated("..G....EEEE"), "five blocks before the article");
    }

    @Test
    void noticesFarFromTheArticleSayNothingAboutItsText() {
        // a teaser list's "Premium" badges after the article, a header's login prompt before it
        assertFalse(gated("G.....EEEE......G.G.G"));
        assertFalse(gated("EEEE.....G"), "the sixth block after the article is out of reach");
        assertFalse(gated(".....G.....EEE"), "the sixth block before it as well");
    }

    @Test
    void aPageWithoutArticleTextOrWithoutANoticeIsNotGated() {
        assertFalse(gated("GGGG"));
        assertFalse(gated("EEEE"));
        assertFalse(gated(""));
    }

    @Test
    void theFlagsMustDescribeTheSameBlocks() {
        assertThrows(IllegalArgumentException.class, () -> GateVerdict.gated(new boolean[2], new boolean[3]));
    }
}
