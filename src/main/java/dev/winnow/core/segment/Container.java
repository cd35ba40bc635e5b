package dev.winnow.core.segment;

import org.jsoup.nodes.Element;

/**
 * One block-level element of the page as a candidate for "where the article is": the text and
 * link text of the blocks inside it and a Readability-style content score, gathered while the
 * segmenter walks the page. {@link ArticleMap} reads them once the walk is over.
 */
final class Container {
    /**
     * Readability's class and id words that mark content and those that mark everything else,
     * matched anywhere in the names, ASCII case ignored. Plain substring searches rather than
     * Readability's regular expressions: a case-blind alternation tried at every position of
     * every container's names was a fifth of the whole pipeline's time in a profile.
     */
    private static final String[] POSITIVE = {"article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story"};
    private static final String[] NEGATIVE = {"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
        "sponsor", "shopping", "tags", "widget", "teaser", "recommend"};
    private static final String[] COMMENTS = {"comment", "kommentar", "reply", "replies", "respond", "disqus", "discussion", "talkback"};

    final Container parent;
    final int level;
    /** How many siblings of the element, itself included, share its tag and class: a list of teasers, a row of buttons, a run of paragraphs. */
    final int alike;
    /** Whether the element's own class or id names a comment section. */
    final boolean comments;
    private final double initial;

    int chars;
    int linkChars;
    int blocks;
    int firstBlock = -1;
    int lastBlock = -1;
    double score;
    boolean scored;
    /** Set by {@link ArticleMap} on the best container's ancestors: their comment names do not make a comment section. */
    boolean holdsBest;

    /** What {@link #nameFlags} finds in a class or id value. */
    static final int COMMENT_NAME = 1;
    static final int NEGATIVE_NAME = 2;
    static final int POSITIVE_NAME = 4;

    Container(Container parent, Element element, String tag, int alike) {
        this(parent, tag, alike, element == null ? 0 : nameFlags(element.className()) | nameFlags(element.id()));
    }

    /**
     * @param names {@link #nameFlags} of the element's class and of its id, or-ed: no word
     *     holds a space, so none matches across the two, and a page's values repeat
     */
    Container(Container parent, String tag, int alike, int names) {
        this.parent = parent;
        this.level = parent == null ? 0 : parent.level + 1;
        this.alike = alike;
        this.comments = (names & COMMENT_NAME) != 0;
        this.initial = tagWeight(tag) + ((names & NEGATIVE_NAME) != 0 ? -25 : 0) + ((names & POSITIVE_NAME) != 0 ? 25 : 0);
    }

    /** Which of Readability's word lists a class or id value holds a word of. */
    static int nameFlags(String value) {
        String names = asciiLowerCase(value);
        return (containsAny(names, COMMENTS) ? COMMENT_NAME : 0) | (containsAny(names, NEGATIVE) ? NEGATIVE_NAME : 0)
                | (containsAny(names, POSITIVE) ? POSITIVE_NAME : 0);
    }

    private static boolean containsAny(String names, String[] words) {
        if (names.length() <= 1) {
            return false;
        }
        for (String word : words) {
            if (names.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Only A–Z, as the regular expressions' CASE_INSENSITIVE did: a Unicode lower-casing could make new matches (the Kelvin sign's "k"). */
    private static String asciiLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] += 'a' - 'A';
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** Readability's initial score by tag: containers of prose up, lists, forms and headings down. */
    private static double tagWeight(String tag) {
        return switch (tag) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    void addScore(double points) {
        if (!scored) {
            scored = true;
            score = initial;
        }
        score += points;
    }

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }

    /** The content score, discounted by how much of the text is links, as Readability does. */
    double finalScore() {
        return scored ? score * (1 - linkDensity()) : Double.NEGATIVE_INFINITY;
    }
}
