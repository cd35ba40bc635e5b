package dev.winnow.core.segment;

import static dev.winnow.TestPages.gunzip;
import static dev.winnow.core.segment.HtmlSegmenterTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void aCommentNameAboveTheArticleMakesNoCommentSectionButIsStillSeen() throws IOException {
        // the body's class holds "verbosa-comment-placeholder", a theme setting, above the whole page
        List<Block> blocks = blog();
        List<Block> article = blocks.stream().filter(b -> b.context().article().inBest()).toList();
        assertTrue(article.size() >= 25, "article blocks: " + article.size());
        assertEquals(List.of(), article.stream().filter(b -> b.context().article().commentSection()).map(Block::text).toList());
        assertTrue(article.stream().allMatch(b -> b.context().article().comments()));
        assertFalse(find(blocks, "Woodworking beginner challenges").context().article().commentSection());
    }

    @Test
    void theCommentSectionBesideTheArticleStillIsOne() throws IOException {
        List<Block> blocks = blog();
        for (String text : List.of("Leave a Reply", "Your email address will not be published. Required fields are marked *",
                "Save my name, email, and site URL in my browser for next time I post a comment.")) {
            assertTrue(find(blocks, text).context().article().commentSection(), text);
        }
    }
}
