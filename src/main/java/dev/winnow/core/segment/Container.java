package dev.winnow.core.segment;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * One block-level element of the page as a candidate for "where the article is": the text and
 * link text of the blocks inside it and a Readability-style content score, gathered while the
 * segmenter walks the page. {@link ArticleMap} reads them once the walk is over.
 */
final class Container {
    /** Readability's class and id words that mark content and those that mark everything else. */
    private static final Pattern POSITIVE = Pattern.compile("article|body|content|entry|hentry|main|page|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|recommend",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTS = Pattern.compile("comment|kommentar|commentaire|reply|replies|respond|disqus|discussion|talkback", Pattern.CASE_INSENSITIVE);

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

    Container(Container parent, Element element, String tag, int alike) {
        this.parent = parent;
        this.level = parent == null ? 0 : parent.level + 1;
        this.alike = alike;
        String names = element == null ? "" : element.className() + " " + element.id();
        this.comments = !names.isBlank() && COMMENTS.matcher(names).find();
        this.initial = tagWeight(tag) + (names.isBlank() ? 0 : (NEGATIVE.matcher(names).find() ? -25 : 0) + (POSITIVE.matcher(names).find() ? 25 : 0));
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
