package dev.winnow.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.winnow.core.segment.TextSegmenter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A row's entries are the model's inputs: how the row buffer is filled may change for speed, the
 * entries may not, since the model was trained on {@code DENSE + floorMod(key, HASHED)} and on
 * rows built one entry at a time.
 */
class RowEntriesTest {

    private static final String TEXT = """
            The council approved the budget on Tuesday after a long debate.
            Donations from readers keep our newsroom independent: contribute today.
            Opposition members walked out before the final vote.
            Share this article
            """;

    @Test
    void aKeysIndexIsItsRemainderAfterTheDenseMeasures() {
        int hashed = PageFeatures.DIMENSION - PageFeatures.DENSE;
        int[] edges = {0, 1, -1, hashed - 1, hashed, hashed + 1, -hashed, -hashed - 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Integer.MIN_VALUE + 1};
        for (int key : edges) {
            assertEquals(PageFeatures.DENSE + Math.floorMod(key, hashed), PageFeatures.hashed(key), "key " + key);
        }
        SplittableRandom random = new SplittableRandom(20261206);
        for (int n = 0; n < 1_000_000; n++) {
            int key = random.nextInt();
            assertEquals(PageFeatures.DENSE + Math.floorMod(key, hashed), PageFeatures.hashed(key), "key " + key);
        }
    }

    @Test
    void theRowBufferHoldsTheEntriesASinkReceivesOneByOne() {
        PageFeatures page = PageFeatures.of(new TextSegmenter().segment(TEXT));
        PageFeatures.RowBuffer row = new PageFeatures.RowBuffer();
        for (int i = 0; i < page.size(); i++) {
            List<Integer> indices = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            page.row(i, (index, value) -> {
                indices.add(index);
                values.add(value);
            });
            // the first pass's row: a sink receives no stems, which only a words-only scorer reads
            page.firstRow(i, row);
            assertEquals(indices.size(), row.size(), "block " + i);
            assertArrayEquals(indices.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(row.indices(), row.size()), "block " + i);
            assertArrayEquals(values.stream().mapToDouble(Double::doubleValue).toArray(), Arrays.copyOf(row.values(), row.size()), 0.0,
                    "block " + i);
        }
    }
}
