package dev.winnow.core.segment;

/**
 * Where a block stands relative to the page's article, as found by {@link ArticleMap}: the
 * features that tell a teaser list, a comment section or a share row beside the article from
 * the article itself. Plain-text blocks carry {@link #NONE}.
 *
 * @param inBest        the block lies inside the best-scoring container
 * @param inArticle     inside it or inside a sibling container that scores nearly as well
 * @param before        the block comes before the best container's first block
 * @param after         the block comes after its last block
 * @param distance      steps in the tree between the block's element and the best container
 * @param bestShare     the best container's share of the page's text
 * @param ancestorScore the best score among the block's near ancestors, relative to the best container's
 * @param alike         siblings alike (same tag and class) of the nearest repeated ancestor, 0 when none
 * @param unitLinks     link density of that repeated unit
 * @param unitChars     characters of text in that repeated unit
 * @param comments      some ancestor's class or id names comments (a body's "has-comments" included)
 * @param commentSection such an ancestor lies beside or inside the best container, not around it
 * @param areaLinks     link density of the nearest ancestor holding four or more blocks
 */
public record ArticleSignals(boolean inBest, boolean inArticle, boolean before, boolean after, int distance, double bestShare,
                             double ancestorScore, int alike, double unitLinks, int unitChars, boolean comments,
                             boolean commentSection, double areaLinks) {

    public static final ArticleSignals NONE = new ArticleSignals(false, false, false, false, 0, 0, 0, 0, 0, 0, false, false, 0);
}
