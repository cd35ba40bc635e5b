package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People's labels by page and by site, and which of them teach only the editorial decision. */
class FineLabelsTest {

    private static SourcePage page(String id, String domain) {
        return new SourcePage("wcxb", id, null, domain, "CC-BY-4.0", "article", new byte[0], null);
    }

    @Test
    void anEditorialOnlyRecordKeepsItsLabelAndMarksItOnItsPageAndSite(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labels.jsonl");
        Files.writeString(file, """
                {"page": "wcxb:0001", "domain": "example.org", "text": "Get our  newsletter", "label": "promo", "editorialOnly": true}
                {"page": "wcxb:0002", "domain": "example.org", "text": "Support us", "label": "donation"}
                {"page": "wcxb:0003", "domain": "example.org", "text": "Get our newsletter", "label": "promo"}
                """);
        FineLabels labels = FineLabels.read(file);
        SourcePage first = page("0001", "example.org");
        SourcePage other = page("0009", "example.org");
        SourcePage third = page("0003", "example.org");
        assertEquals(Label.PROMO, labels.lookup(first, "Get our newsletter"));
        assertTrue(labels.editorialOnly(first, "Get our newsletter"));
        assertTrue(labels.editorialOnly(other, "Get our newsletter"), "the site-wide label came from the marked record");
        assertFalse(labels.editorialOnly(third, "Get our newsletter"), "a page's own unmarked record wins");
        assertFalse(labels.editorialOnly(other, "Support us"));
    }

    @Test
    void anEditorialOnlyBlockTeachesTheFirstStageButNotTheSecond() {
        LabelledPage marked = pageWithOnePromo(true);
        LabelledPage plain = pageWithOnePromo(false);
        assertFalse(Trainer.teachesFineLabels(marked, 0));
        assertTrue(Trainer.teachesFineLabels(plain, 0));
        assertEquals(Label.BOILERPLATE, Trainer.editorialOrNot(marked.labels()[0]), "still not editorial for the first stage");
        assertTrue(marked.asText().editorialOnly()[0], "the text-mode copy keeps the mark");
    }

    private static LabelledPage pageWithOnePromo(boolean editorialOnly) {
        var blocks = new dev.winnow.core.segment.TextSegmenter().segment("Get our newsletter\nThe minister said on Monday that talks would resume.\n");
        return new LabelledPage(page("0001", "example.org"), blocks, new Label[] {Label.PROMO, Label.EDITORIAL},
                new boolean[] {true, false}, new boolean[] {editorialOnly, false});
    }
}
