package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People's labels by page and by site, which of them teach only the editorial decision, and which are hard negatives. */
class FineLabelsTest {

    private static SourcePage page(String id, String domain) {
        return new SourcePage("wcxb", id, null, domain, "CC-BY-4.0", "article", new byte[0], null);
    }

    @Test
    void anEditorialOnlyRecordKeepsItsLabelAndMarksItOnItsPageAndSite(@TempDir Path dir) throws IOException {
        FineLabels labels = labels(dir, """
                {"page": "wcxb:0001", "domain": "example.org", "text": "Get our  newsletter", "label": "promo", "editorialOnly": true}
                {"page": "wcxb:0002", "domain": "example.org", "text": "Support us", "label": "donation"}
                {"page": "wcxb:0003", "domain": "example.org", "text": "Get our newsletter", "label": "promo"}
                """);
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

    /**
     * A hard negative is article text about money that a person read; the corpus marks it from its
     * record, the text-mode copy keeps the mark, and training may count it more than other text a
     * person read.
     */
    @Test
    void aHardNegativeIsMarkedInTheCorpusAndMayCountMore(@TempDir Path dir) throws IOException {
        FineLabels labels = labels(dir, """
                {"page": "wcxb:0001", "domain": "example.org", "text": "Donations to the campaign rose 40% in March.", "label": "editorial", "hardNegative": true}
                {"page": "wcxb:0001", "domain": "example.org", "text": "The minister said on Monday that talks would resume.", "label": "editorial"}
                {"page": "wcxb:0001", "domain": "example.org", "text": "Donate now", "label": "donation"}
                """);
        String html = "<html><body><p>The minister said on Monday that talks would resume.</p>"
                + "<p>Donations to the campaign rose 40% in March.</p><p>Donate now</p></body></html>";
        SourcePage source = new SourcePage("wcxb", "0001", null, "example.org", "CC-BY-4.0", "article",
                html.getBytes(StandardCharsets.UTF_8), new Gold(null, List.of(), List.of()));
        LabelledPage page = Corpus.build(List.of(source), labels).pages().get(0);
        assertEquals(List.of(false, true, false), List.of(page.hardNegative()[0], page.hardNegative()[1], page.hardNegative()[2]));
        assertTrue(page.asText().hardNegative()[1], "the text-mode copy keeps the mark");
        TrainingSettings heavierSettings = TrainingSettings.DEFAULT.withReviewedRepeat(3).withHardNegativeRepeat(9);
        Trainer heavier = new Trainer(heavierSettings, message -> { });
        assertEquals(3, heavier.repeats(page, 0, heavierSettings.hardNegativeRepeat(), heavierSettings.firstStageRare()));
        assertEquals(9, heavier.repeats(page, 1, heavierSettings.hardNegativeRepeat(), heavierSettings.firstStageRare()));
        TrainingSettings unsetSettings = TrainingSettings.DEFAULT.withReviewedRepeat(5).withHardNegativeRepeat(0);
        Trainer unset = new Trainer(unsetSettings, message -> { });
        assertEquals(5, unset.repeats(page, 1, unsetSettings.hardNegativeRepeat(), unsetSettings.firstStageRare()), "unset, a hard negative counts as any text a person read");
        TrainingSettings wordsHeavier = TrainingSettings.DEFAULT.withReviewedRepeat(3).withHardNegativeRepeat(6).withWordsHardNegativeRepeat(12);
        Trainer words = new Trainer(wordsHeavier, message -> { });
        assertEquals(6, words.repeats(page, 1, wordsHeavier.hardNegativeRepeat(), wordsHeavier.firstStageRare()), "the first pass counts a hard negative as hardNegativeRepeat says");
        assertEquals(12, words.repeats(page, 1, wordsHeavier.wordsHardNegatives(), wordsHeavier.firstStageRare()), "the words-only scorer that reads stems counts it as its own setting says");
        assertEquals(3, words.repeats(page, 0, wordsHeavier.wordsHardNegatives(), wordsHeavier.firstStageRare()), "other text a person read counts as before");
        assertEquals(6, wordsHeavier.withWordsHardNegativeRepeat(0).wordsHardNegatives(), "unset, as hardNegativeRepeat");
        TrainingSettings contextHeavier = wordsHeavier.withContextHardNegativeRepeat(12);
        assertEquals(6, contextHeavier.hardNegativeRepeat(), "the first pass keeps its own count");
        assertEquals(12, words.repeats(page, 1, contextHeavier.contextHardNegatives(), contextHeavier.firstStageRare()), "the context pass counts it as its own setting says");
        assertEquals(6, wordsHeavier.contextHardNegatives(), "unset, as hardNegativeRepeat");
    }

    private static FineLabels labels(Path dir, String jsonLines) throws IOException {
        Path file = dir.resolve("labels.jsonl");
        Files.writeString(file, jsonLines);
        return FineLabels.read(file);
    }

    private static LabelledPage pageWithOnePromo(boolean editorialOnly) {
        var blocks = new dev.winnow.core.segment.TextSegmenter().segment("Get our newsletter\nThe minister said on Monday that talks would resume.\n");
        return new LabelledPage(page("0001", "example.org"), blocks, new Label[] {Label.PROMO, Label.EDITORIAL},
                new boolean[] {true, false}, new boolean[] {editorialOnly, false});
    }
}
