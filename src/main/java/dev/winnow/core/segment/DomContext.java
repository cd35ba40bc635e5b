package dev.winnow.core.segment;

import java.util.List;

/**
 * Where a block sits in the page: its own tag, the landmarks around it and the class and id
 * words of its ancestors. Plain-text blocks carry {@link #NONE}, so the model sees "no DOM"
 * rather than a made-up one.
 *
 * @param tag        the block's element name ({@code p}, {@code h2}, {@code li}, …), or {@code line} for text input
 * @param landmarks  a bit set of {@link Landmark}s found on the path to the root
 * @param classWords lower-case words from class and id attributes of the block and its ancestors, innermost first
 * @param depth      element depth below {@code body}
 * @param linkChars  characters of the block's text that sit inside links
 * @param links      the {@code href}s of the first few links in or around the block, as written
 * @param article    where the block stands from the page's article
 */
public record DomContext(String tag, int landmarks, List<String> classWords, int depth, int linkChars, List<String> links,
                         ArticleSignals article) {

    public static final DomContext NONE = new DomContext("line", 0, List.of(), 0, 0, List.of(), ArticleSignals.NONE);

    DomContext withArticle(ArticleSignals signals) {
        return new DomContext(tag, landmarks, classWords, depth, linkChars, links, signals);
    }

    public boolean isHtml() {
        return this != NONE;
    }

    public boolean has(Landmark landmark) {
        return (landmarks & landmark.bit()) != 0;
    }
}
