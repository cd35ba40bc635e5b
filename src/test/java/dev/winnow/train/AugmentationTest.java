package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Label;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-written units inserted as boxes into real pages' HTML, at the article's end, middle or start. */
class AugmentationTest {

    @Test
    void unitsGoIntoTheHtmlAsWholeBoxesAtEveryPosition() {
        SharedData sample = new SharedData(Path.of("src/test/resources/sample-corpus"));
        Corpus corpus = Corpus.build(SourcePages.wcxb(sample), FineLabels.none());
        // every sixth unit: all three labels, a few seconds of work
        Augmentation augmentation = Augmentation.read(Path.of(TrainCli.DEFAULT_AUGMENTATION)).every(6);
        List<LabelledPage> pages = augmentation.htmlPages(corpus.pages(), 1, 7L);
        assertTrue(pages.size() > augmentation.size() / 2, "most units find a host: " + pages.size());
        Set<String> positions = new HashSet<>();
        for (LabelledPage page : pages) {
            Label[] labels = page.labels();
            int first = -1;
            int last = -1;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == Label.PROMO || labels[i] == Label.PAYWALL || labels[i] == Label.DONATION) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            assertTrue(first > 0, "the unit's blocks are labelled");
            for (int i = first; i <= last; i++) {
                assertEquals(labels[first], labels[i], "one unit, one label, no gap");
            }
            assertTrue(page.blocks().get(first).context().isHtml());
            boolean editorialAfter = false;
            for (int i = last + 1; i < labels.length; i++) {
                editorialAfter |= labels[i] == Label.EDITORIAL;
            }
            positions.add(editorialAfter ? "inside" : "after");
        }
        assertEquals(Set.of("inside", "after"), positions, "units stand inside articles and after them");
        assertFalse(pages.isEmpty());
    }
}
