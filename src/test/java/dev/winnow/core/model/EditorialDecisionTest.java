package dev.winnow.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.DomContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's threshold follows the words its blocks hold, not how many blocks there are. */
class EditorialDecisionTest {
    private static final EditorialDecision DECISION = new EditorialDecision(0.55, 0.3, 0.5);

    @Test
    void aPageWhoseConfidentBlocksHoldMostOfItsPlausibleWordsKeepsTheStrictThreshold() {
        // 40 words at 0.9, 30 words at 0.4: the strict threshold keeps 40 of 70
        assertEquals(0.55, DECISION.threshold(probabilities(0.9, 0.4), blocks(40, 30)));
    }

    @Test
    void aPageWhoseConfidentBlocksHoldUnderTheShareFallsBackForEveryBlock() {
        // 10 words at 0.9, 30 words at 0.4: the strict threshold would keep 10 of 40
        assertEquals(0.3, DECISION.threshold(probabilities(0.9, 0.4), blocks(10, 30)));
    }

    @Test
    void blocksBelowTheLowerThresholdDoNotCount() {
        // the 100 words at 0.1 are not plausibly content, so 10 of 15 words are kept: no fall back
        assertEquals(0.55, DECISION.threshold(probabilities(0.9, 0.35, 0.1), blocks(10, 5, 100)));
    }

    @Test
    void aZeroShareNeverFallsBackAndAnEmptyPageKeepsTheStrictThreshold() {
        assertEquals(0.5, EditorialDecision.MORE_LIKELY_THAN_NOT.threshold(probabilities(0.45), blocks(100)));
        assertEquals(0.55, DECISION.threshold(new double[0][], List.of()));
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsInAnyScript() {
        assertEquals(0, EditorialDecision.words(" — … "));
        assertEquals(5, EditorialDecision.words("It's 40 % of the_total"));
        assertEquals(3, EditorialDecision.words("Добрый день, 会員限定"));
    }

    @Test
    void thresholdsOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EditorialDecision(0.3, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new EditorialDecision(0.5, 0.3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new EditorialDecision(1, 0.3, 0.5));
    }

    private static double[][] probabilities(double... editorial) {
        double[][] p = new double[editorial.length][5];
        for (int i = 0; i < editorial.length; i++) {
            p[i][0] = editorial[i];
            p[i][1] = 1 - editorial[i];
        }
        return p;
    }

    private static List<Block> blocks(int... words) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String text = "word ".repeat(words[i]).strip();
            out.add(new Block(i, text, text, DomContext.NONE, null));
        }
        return out;
    }
}
