package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Label;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.HtmlSegmenter;
import dev.winnow.core.segment.Landmark;
import dev.winnow.core.segment.TextSegmenter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which blocks of a page the trainer learns from, and how much each counts. */
class TrainerSamplingTest {

    private static final int BLOCKS = 60;

    private final Trainer trainer = new Trainer(TrainingSettings.DEFAULT.withReviewedRepeat(3), message -> { });

    /** 60 boilerplate lines; every fifth was read by a person, the rest labelled by alignment. */
    private static LabelledPage page() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < BLOCKS; i++) {
            text.append("Menu item ").append(i).append('\n');
        }
        List<Block> blocks = new TextSegmenter().segment(text.toString());
        Label[] labels = new Label[BLOCKS];
        Arrays.fill(labels, Label.BOILERPLATE);
        labels[7] = Label.PROMO;
        boolean[] reviewed = new boolean[BLOCKS];
        for (int i = 0; i < BLOCKS; i += 5) {
            reviewed[i] = true;
        }
        SourcePage source = new SourcePage("wcxb", "0001", null, "example.org", "CC-BY-4.0", "article", new byte[0], null);
        return new LabelledPage(source, blocks, labels, reviewed);
    }

    @Test
    void everyBlockAPersonReadIsTrainedOnBeyondTheCap() {
        LabelledPage page = page();
        boolean[] chosen = trainer.sample(page, 10);
        int aligned = 0;
        for (int i = 0; i < BLOCKS; i++) {
            if (page.reviewed()[i] || page.labels()[i] == Label.PROMO) {
                assertTrue(chosen[i], "block " + i);
            } else if (chosen[i]) {
                aligned++;
            }
        }
        assertEquals(10, aligned, "the cap bounds only the alignment's blocks");
    }

    @Test
    void rowsAPersonReadCountMoreThanTheAlignments() {
        LabelledPage page = page();
        int hardNegatives = TrainingSettings.DEFAULT.hardNegativeRepeat();
        assertEquals(3, trainer.repeats(page, 0, hardNegatives, TrainingSettings.DEFAULT.firstStageRare()));
        assertEquals(1, trainer.repeats(page, 1, hardNegatives, TrainingSettings.DEFAULT.firstStageRare()));
        assertEquals(TrainingSettings.DEFAULT.promoRepeat(), trainer.repeats(page, 7, hardNegatives, TrainingSettings.DEFAULT.firstStageRare()));
    }

    @Test
    void promoRowsMayCountLessThanPaywallAndDonationRows() {
        LabelledPage page = page();
        page.labels()[8] = Label.DONATION;
        TrainingSettings settings = TrainingSettings.DEFAULT.withRareRepeat(4).withPromoRepeat(2);
        Trainer lighter = new Trainer(settings, message -> { });
        assertEquals(2, lighter.repeats(page, 7, 0, settings.firstStageRare()));
        assertEquals(4, lighter.repeats(page, 8, 0, settings.firstStageRare()));
    }

    @Test
    void theSecondStageAloneMayCountPaywallAndDonationRowsMore() {
        LabelledPage page = page();
        page.labels()[8] = Label.DONATION;
        page.labels()[9] = Label.PAYWALL;
        TrainingSettings settings = TrainingSettings.DEFAULT.withRareRepeat(4).withPromoRepeat(2).withSecondStageRareRepeat(8);
        Trainer trainer = new Trainer(settings, message -> { });
        assertEquals(4, trainer.repeats(page, 8, 0, settings.firstStageRare()), "what the first stage reads keeps rareRepeat");
        assertEquals(4, trainer.repeats(page, 9, 0, settings.firstStageRare()));
        assertEquals(8, trainer.repeats(page, 8, 0, settings.secondStageRare()), "the second stage's own rows count as their setting says");
        assertEquals(8, trainer.repeats(page, 9, 0, settings.secondStageRare()));
        assertEquals(2, trainer.repeats(page, 7, 0, settings.secondStageRare()), "promo rows keep their own count");
        assertEquals(3, trainer.repeats(page, 0, 0, settings.secondStageRare()), "text a person read keeps its count");
        assertEquals(settings.firstStageRare(), settings.withSecondStageRareRepeat(0).secondStageRare(), "unset, as rareRepeat");
        assertTrue(settings.describe().contains("; paywall and donation rows x8 where the context pass's second stage alone learns"), settings.describe());
        assertFalse(settings.withSecondStageRareRepeat(4).describe().contains("second stage alone learns"), "a count equal to rareRepeat is not described twice");

        TrainingSettings paywallOnly = settings.withSecondStageDonationRepeat(4);
        Trainer paywallTrainer = new Trainer(paywallOnly, message -> { });
        assertEquals(8, paywallTrainer.repeats(page, 9, 0, paywallOnly.secondStageRare()), "paywall keeps the second stage's count");
        assertEquals(4, paywallTrainer.repeats(page, 8, 0, paywallOnly.secondStageRare()), "donation counts as its own setting says");
        assertTrue(paywallOnly.describe().contains("; paywall rows x8 and donation rows x4 where the context pass's second stage alone learns"), paywallOnly.describe());
    }

    @Test
    void theTextRenderingOfAPageKeepsWhichLabelsAPersonGave() {
        LabelledPage page = page();
        assertTrue(Arrays.equals(page.reviewed(), page.asText().reviewed()));
    }

    /**
     * The second stage learns which non-editorial label a block gets from people and hand-written
     * units, and from the alignment only for the few boilerplate blocks a page drawn for it.
     */
    @Test
    void peopleUnitsAndAFewAlignedBlocksTeachTheFineLabels() {
        LabelledPage page = page();
        assertTrue(Trainer.teachesFineLabels(page, 0), "boilerplate a person read");
        assertTrue(!Trainer.teachesFineLabels(page, 1), "boilerplate only the alignment says");
        assertTrue(Trainer.teachesFineLabels(page, 7), "a promo");
        boolean[] drawn = new boolean[page.labels().length];
        assertTrue(!Trainer.teachesFineLabels(page, 1, drawn), "aligned boilerplate not drawn");
        drawn[1] = true;
        assertTrue(Trainer.teachesFineLabels(page, 1, drawn), "aligned boilerplate drawn for the second stage");
        boolean[] few = new Trainer(TrainingSettings.DEFAULT, m -> { }).sample(page, TrainingSettings.DEFAULT.fineAlignedCap());
        boolean[] many = new Trainer(TrainingSettings.DEFAULT, m -> { }).sample(page, TrainingSettings.DEFAULT.perPageCap());
        for (int i = 0; i < few.length; i++) {
            assertTrue(!few[i] || many[i], "the second stage's draw is a subset of the first stage's rows: block " + i);
        }
    }

    /**
     * By default the alignment's boilerplate teaches the second stage only under a nav, header or
     * footer (menus, which the second stage otherwise calls paywall or promo), never the boxes and
     * teasers beside the article, where the alignment's "boilerplate" hides promos.
     */
    @Test
    void onlyMenusAmongTheAlignmentsBoilerplateTeachTheFineLabels() {
        StringBuilder html = menu(8).append("<div class=\"teasers\">");
        for (int i = 0; i < 8; i++) {
            html.append("<p><a href=\"/story-").append(i).append("\">Another story ").append(i).append("</a></p>");
        }
        html.append("</div><footer><p>Imprint</p><p>Privacy</p></footer></body></html>");
        LabelledPage page = allAlignedBoilerplate(html, "0002");
        List<Block> blocks = page.blocks();
        TrainingSettings menus = TrainingSettings.DEFAULT;
        assertTrue(menus.fineAlignedMenus() && menus.fineAlignedCap() <= menus.perPageCap(), "the shipped settings");
        Trainer trainer = new Trainer(menus, m -> { });
        boolean[] aligned = trainer.alignedForFine(page, menus.perPageCap());
        boolean[] drawn = trainer.sample(page, menus.fineAlignedCap());
        int menuRows = 0;
        for (int i = 0; i < blocks.size(); i++) {
            var context = blocks.get(i).context();
            boolean menu = context.has(Landmark.NAV) || context.has(Landmark.FOOTER) || context.has(Landmark.HEADER);
            assertEquals(drawn[i] && menu, aligned[i], blocks.get(i).text());
            menuRows += aligned[i] ? 1 : 0;
        }
        assertTrue(menuRows > 0, "some menu lines teach the second stage");
        boolean[] any = new Trainer(menus.withFineAlignedMenus(false), m -> { }).alignedForFine(page, menus.perPageCap());
        assertTrue(Arrays.equals(any, drawn), "without the menu rule, every drawn boilerplate block teaches it");
    }

    /**
     * Reader comments are long prose the alignment calls boilerplate, drawn seldom beside a page's
     * many menu lines: {@code commentCap} draws up to that many of them beyond the cap, in HTML
     * mode, where the segmenter sees the comment section; a text line has none.
     */
    @Test
    void commentsMayBeDrawnBeyondTheCap() {
        StringBuilder html = menu(40).append("<article><p>The council voted on Tuesday to close the old bridge for repairs, which will take most of the summer.</p></article>");
        html.append("<div id=\"comments\">");
        for (int i = 0; i < 20; i++) {
            html.append("<div class=\"comment\"><p>Reader ").append(i)
                    .append(" thinks the repairs should have started years ago, before the bridge got this bad and this expensive.</p></div>");
        }
        html.append("</div></body></html>");
        LabelledPage page = allAlignedBoilerplate(html, "0003");
        List<Block> blocks = page.blocks();
        int comments = 0;
        for (Block b : blocks) {
            comments += Trainer.isComment(b) ? 1 : 0;
        }
        assertEquals(20, comments, "every comment, and nothing else, is one");

        boolean[] without = new Trainer(TrainingSettings.DEFAULT.withCommentCap(0), m -> { }).sample(page, 10);
        Trainer capped = new Trainer(TrainingSettings.DEFAULT.withCommentCap(8), m -> { });
        boolean[] with = capped.sample(page, 10);
        assertEquals(10, count(without, blocks, false) + count(without, blocks, true), "no comment cap: the cap alone");
        assertEquals(8, count(with, blocks, true), "eight comments beyond the cap");
        assertEquals(10, count(with, blocks, false), "and the cap's ten others");

        LabelledPage text = page.asText();
        boolean[] lines = capped.sample(text, 10);
        assertEquals(10, count(lines, text.blocks(), false) + count(lines, text.blocks(), true), "a text line is in no comment section");
    }

    /**
     * The second stage learns from the alignment's rows of {@code fineAlignedCap}'s draw among the
     * rows the first stage's larger draw took: a smaller draw must be part of the larger one, or
     * those rows would be lost to both.
     */
    @Test
    void theSecondStagesDrawIsPartOfTheFirstStages() {
        LabelledPage page = page();
        TrainingSettings shipped = TrainingSettings.DEFAULT;
        assertTrue(shipped.fineAlignedCap() < shipped.perPageCap(), "the shipped settings");
        boolean[] fine = trainer.sample(page, shipped.fineAlignedCap());
        boolean[] first = trainer.sample(page, shipped.perPageCap());
        assertTrue(!Arrays.equals(fine, first), "the page has more aligned blocks than the smaller draw takes");
        for (int i = 0; i < BLOCKS; i++) {
            assertTrue(!fine[i] || first[i], "block " + i + " is in the second stage's draw, not in the first's");
        }
    }

    /** The seed decides the draw (and augmentation and trees): how far two runs part is measured by changing it. */
    @Test
    void anotherSeedDrawsOtherBlocks() {
        LabelledPage page = page();
        boolean[] shipped = trainer.sample(page, 10);
        assertTrue(Arrays.equals(shipped, trainer.sample(page, 10)), "the same seed, the same draw");
        boolean[] other = new Trainer(TrainingSettings.DEFAULT.withReviewedRepeat(3).withSeed(TrainingSettings.DEFAULT.seed() + 1), m -> { }).sample(page, 10);
        assertTrue(!Arrays.equals(shipped, other), "another seed, another draw");
    }

    /** A page opening with a site menu of {@code links} section links. */
    private static StringBuilder menu(int links) {
        StringBuilder html = new StringBuilder("<html><body><nav><ul>");
        for (int i = 0; i < links; i++) {
            html.append("<li><a href=\"/section-").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        return html.append("</ul></nav>");
    }

    /** The page's blocks, every one of them boilerplate by the alignment alone. */
    private static LabelledPage allAlignedBoilerplate(CharSequence html, String id) {
        List<Block> blocks = new HtmlSegmenter().segment(html.toString());
        Label[] labels = new Label[blocks.size()];
        Arrays.fill(labels, Label.BOILERPLATE);
        SourcePage source = new SourcePage("wcxb", id, null, "example.org", "CC-BY-4.0", "article", new byte[0], null);
        return new LabelledPage(source, blocks, labels, new boolean[blocks.size()]);
    }

    private static int count(boolean[] chosen, List<Block> blocks, boolean comments) {
        int n = 0;
        for (int i = 0; i < chosen.length; i++) {
            n += chosen[i] && Trainer.isComment(blocks.get(i)) == comments ? 1 : 0;
        }
        return n;
    }
}
