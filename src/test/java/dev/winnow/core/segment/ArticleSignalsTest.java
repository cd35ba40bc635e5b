package dev.winnow.core.segment;

import static dev.winnow.core.segment.HtmlSegmenterTest.find;
import static dev.winnow.core.segment.HtmlSegmenterTest.gunzip;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleSignalsTest {

    private final HtmlSegmenter segmenter = new HtmlSegmenter();

    /** WCXB page 4450 (CC-BY-4.0, see pages/wcxb/NOTICE.md): a blog's about page with a comment form under it. */
    private List<Block> blog() throws IOException {
        return segmenter.segment(gunzip(Path.of("src/test/resources/pages/wcxb/4450.html.gz")));
    }

    @Test
    void theArticleIsTheBestContainerAndTheCommentFormComesAfterIt() throws IOException {
        List<Block> blocks = blog();
        ArticleSignals paragraph = find(blocks, "Storage or if possible sale of those projects.").context().article();
        assertTrue(paragraph.inBest());
        assertTrue(paragraph.inArticle());
        ArticleSignals form = find(blocks, "Leave a Reply").context().article();
        assertFalse(form.inBest());
        assertTrue(form.after());
    }
}
