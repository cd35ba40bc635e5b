package dev.winnow.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.segment.TextSegmenter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import smile.util.SparseArray;

/**
 * The first pass and the words-only scorer read one row buffer: the first pass up to the stems,
 * the words-only scorer the block's words and its stems. Were the stems in the first pass's row,
 * article text about subscriptions would take a notice's features there too.
 */
class PageFeaturesTest {

    private static final String TEXT = """
            The council approved the budget on Tuesday after a long debate.
            Donations from readers keep our newsroom independent: contribute today.
            Opposition members walked out before the final vote.
            """;

    @Test
    void theStemmedWordsOnlyRowIsTheBlocksWordsThenItsStemsAsTheSharedRowHoldsThem() {
        PageFeatures page = PageFeatures.of(new TextSegmenter().segment(TEXT));
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        page.row(1, row);
        int stems = TextStats.of(page.blocks().get(1).text()).prefixKeys().length;
        assertTrue(stems > 0, "the appeal has words longer than five letters");
        assertEquals(stems, row.size() - row.stemsFrom(), "the stems close the row");
        assertTrue(row.wordsFrom() < row.wordsTo() && row.wordsTo() <= row.stemsFrom());

        PageFeatures.RowBuffer words = new PageFeatures.RowBuffer();
        page.stemmedWordRow(1, words);
        int[] shared = concat(Arrays.copyOfRange(row.indices(), row.wordsFrom(), row.wordsTo()),
                Arrays.copyOfRange(row.indices(), row.stemsFrom(), row.size()));
        assertArrayEquals(shared, Arrays.copyOf(words.indices(), words.size()));
        double[] sharedValues = concat(Arrays.copyOfRange(row.values(), row.wordsFrom(), row.wordsTo()),
                Arrays.copyOfRange(row.values(), row.stemsFrom(), row.size()));
        assertArrayEquals(sharedValues, Arrays.copyOf(words.values(), words.size()));
        assertEquals(PageFeatures.STEM_WEIGHT / Math.sqrt(stems), row.values()[row.stemsFrom()], 1e-12,
                "a stem weighs STEM_WEIGHT of what a word would weigh beside as many");
    }

    @Test
    void theFirstPassRowHoldsNoStems() {
        PageFeatures page = PageFeatures.of(new TextSegmenter().segment(TEXT));
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        page.row(1, row);
        SparseArray first = page.row(1);
        double total = 0;
        for (SparseArray.Entry e : first) {
            total += e.x;
        }
        double upToStems = 0;
        for (int e = 0; e < row.stemsFrom(); e++) {
            upToStems += row.values()[e];
        }
        assertEquals(upToStems, total, 1e-9);
        assertEquals(row.stemsFrom(), count(page, 1), "the sink form of the first-pass row stops where the stems start");
        PageFeatures.RowBuffer firstOnly = new PageFeatures.RowBuffer();
        page.firstRow(1, firstOnly);
        assertEquals(row.stemsFrom(), firstOnly.size(), "a model without a words-only scorer fills no stems");
        assertArrayEquals(Arrays.copyOf(row.indices(), row.stemsFrom()), Arrays.copyOf(firstOnly.indices(), firstOnly.size()));
    }

    private static int count(PageFeatures page, int i) {
        int[] n = {0};
        page.row(i, (index, value) -> n[0]++);
        return n[0];
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
