package dev.winnow.core.segment;

import dev.winnow.core.Deadline;
import dev.winnow.core.LimitExceededException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Walks the DOM once, depth first, and emits a block each time a block-level element closes or
 * a nested block interrupts its text. Inline markup only adds text; scripts, styles, templates
 * and hidden elements are skipped entirely, except what a browser would show: the late parts of a
 * streamed page ({@link StreamedContent}), tab panels not yet chosen and, on a page that is all
 * script, its {@code <noscript>}.
 *
 * <p>Bounded work: with a {@link Deadline}, parsing and the walk stop once it has passed, and with
 * a block limit the walk stops as soon as the page has more blocks than that.
 */
public final class HtmlSegmenter implements Segmenter {

    private static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
            "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "button", "legend", "label",
            "option", "noscript", "br");

    private static final Set<String> SKIPPED_TAGS = Set.of(
            "script", "style", "template", "head", "svg", "math", "iframe", "object", "embed", "canvas",
            "select", "textarea", "input", "noscript", "audio", "video", "map");

    /** At most this many class and id words per block: deep pages would otherwise carry hundreds. */
    private static final int MAX_CLASS_WORDS = 24;
    /** Where a block's links point says much of what it is (a share intent, a donation page, another article); a few suffice. */
    private static final int MAX_LINKS = 3;

    /** The deadline is looked at once per this many nodes of the walk. */
    private static final int NODES_PER_CHECK = 1024;

    private final int maxDepth;
    private final int maxBlocks;

    public HtmlSegmenter() {
        this(Integer.MAX_VALUE);
    }

    /** @param maxDepth elements nested deeper than this are read as text of their ancestor */
    public HtmlSegmenter(int maxDepth) {
        this(maxDepth, Integer.MAX_VALUE);
    }

    /**
     * @param maxDepth  elements nested deeper than this are read as text of their ancestor
     * @param maxBlocks a page with more blocks is refused with a {@link LimitExceededException}
     *                  as soon as the walk finds one block too many
     */
    public HtmlSegmenter(int maxDepth, int maxBlocks) {
        this.maxDepth = maxDepth;
        this.maxBlocks = maxBlocks;
    }

    @Override
    public List<Block> segment(String html) {
        return segment(html, Deadline.NONE);
    }

    /** Parses and walks the page, stopping with a {@code TimeLimitExceededException} past the deadline. */
    public List<Block> segment(String html, Deadline deadline) {
        Document document = deadline.isNone()
                ? Jsoup.parse(html)
                : Parser.htmlParser().parseInput(deadline.guard(new StringReader(html), "parsing the HTML"), "");
        return segment(document, deadline);
    }

    public List<Block> segment(Document document) {
        return segment(document, Deadline.NONE);
    }

    /** Walks a parsed page; a streamed page's late parts are moved into place in {@code document}, as a browser moves them. */
    public List<Block> segment(Document document, Deadline deadline) {
        Element body = document.body();
        Node start = body == null ? document : body;
        Walker walker = walk(start, deadline, false);
        // most pages need one walk; the few that hide what a browser shows are walked again
        boolean streamed = !walker.streamedSegments.isEmpty();
        boolean readNoscript = walker.noscriptChars > 0 && walker.noscriptChars > textLength(walker.blocks);
        if (streamed || readNoscript) {
            if (streamed) {
                StreamedContent.reveal(document, walker.streamedSegments, deadline);
            }
            walker = walk(start, deadline, readNoscript);
        }
        ArticleSignals[] signals = ArticleMap.signals(walker.root, walker.blockContainers, walker.containers);
        List<Block> blocks = walker.blocks;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            blocks.set(i, new Block(b.index(), b.text(), b.raw(), b.context().withArticle(signals[i]), b.source()));
        }
        return blocks;
    }

    private static int textLength(List<Block> blocks) {
        int chars = 0;
        for (Block b : blocks) {
            chars += b.text().length();
        }
        return chars;
    }

    private Walker walk(Node start, Deadline deadline, boolean readNoscript) {
        Walker walker = new Walker(deadline, readNoscript);
        NodeTraversor.filter(walker, start);
        walker.flush();
        return walker;
    }

    static boolean isHidden(Element e) {
        if ("tabpanel".equalsIgnoreCase(e.attr("role"))) {
            // a tab not yet chosen (the code sample in another language, the plan's other features) is a click away, not hidden
            return false;
        }
        if (e.hasAttr("hidden")) {
            return true;
        }
        if ("true".equalsIgnoreCase(e.attr("aria-hidden")) && e.tagName().equals("div")) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /** A class or id value, its words ({@link ClassWords}) and Readability's word lists it matches ({@link Container#nameFlags}). */
    private record Name(String value, String[] words, int flags) {
        static final Name NONE = new Name("", new String[0], 0);
    }

    /** An element's tag and class, for counting alike siblings. */
    private record Kind(String tag, String className) {
    }

    /** The landmarks and class words of one open block element, inherited by everything inside it. */
    private record Scope(Element element, int landmarks, String[] classWords, int depth, Container container) {
    }

    private final class Walker implements NodeFilter {
        final Deadline deadline;
        int nodes;
        final List<Block> blocks = new ArrayList<>();
        final List<Scope> open = new ArrayList<>();
        final Map<Element, Scope> scopes = new IdentityHashMap<>();
        final StringBuilder text = new StringBuilder();
        int linkChars;
        /** hrefs of the links opened in the current block */
        final List<String> links = new ArrayList<>(MAX_LINKS);
        /** hrefs of the links open around the walk, innermost last: their number is the link depth */
        final List<String> openLinks = new ArrayList<>();
        int inlineLandmarks;
        int preDepth;
        /** Whether the text gathered so far is the whole of the innermost open element. */
        boolean wholeElement = true;
        /** The page as nested containers, for finding where the article is once the walk is over. */
        final Container root = new Container(null, null, "body", 1);
        final List<Container> containers = new ArrayList<>();
        final List<Container> blockContainers = new ArrayList<>();
        /** Per child element of a parent already counted, how many of its siblings share its tag and class. */
        final Map<Element, Integer> alikeCounts = new IdentityHashMap<>();
        /** Class and id values repeat across a page ("menu-item", "post-title"): each read once. */
        final Map<String, Name> names = new HashMap<>();

        /**
         * Whether {@code <noscript>} is read: on a page whose script builds all it shows (a
         * Discourse forum), the text a crawler gets is there, and outweighs the rest of the page.
         */
        final boolean readNoscript;
        int noscriptChars;
        /** Hidden late parts of a streamed page, in document order. */
        final List<Element> streamedSegments = new ArrayList<>();

        Walker(Deadline deadline, boolean readNoscript) {
            this.deadline = deadline;
            this.readNoscript = readNoscript;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (++nodes % NODES_PER_CHECK == 0) {
                deadline.check("segmenting the HTML");
            }
            if (node instanceof TextNode textNode) {
                appendText(preDepth > 0 ? textNode.getWholeText() : textNode.text());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = element.normalName();
            if (tag.equals("noscript")) {
                if (!readNoscript) {
                    noscriptChars += element.text().length();
                    return FilterResult.SKIP_ENTIRELY;
                }
            } else if (SKIPPED_TAGS.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (isHidden(element)) {
                if (element.hasAttr("hidden") && StreamedContent.isSegment(element)) {
                    streamedSegments.add(element);
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("br")) {
                appendText(" ");
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("img")) {
                return FilterResult.SKIP_ENTIRELY;
            }
            boolean block = BLOCK_TAGS.contains(tag) && depth <= maxDepth;
            if (block) {
                // the enclosing element's text so far is only part of it now
                wholeElement = false;
                flush();
                Scope parent = open.isEmpty() ? null : open.get(open.size() - 1);
                Scope scope = scopeOf(element, parent, tag);
                open.add(scope);
                scopes.put(element, scope);
                wholeElement = true;
                if (tag.equals("tr") && cellsAreInline(element)) {
                    appendRow(element);
                    return FilterResult.SKIP_CHILDREN;
                }
            } else if (tag.equals("a")) {
                inlineLandmarks |= Landmark.LINK.bit();
                String href = element.attr("href");
                openLinks.add(href);
                if (links.size() < MAX_LINKS && !href.isEmpty()) {
                    links.add(href);
                }
            }
            if (tag.equals("pre")) {
                preDepth++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            if (tag.equals("a") && !openLinks.isEmpty()) {
                openLinks.remove(openLinks.size() - 1);
            }
            if (tag.equals("pre")) {
                preDepth = Math.max(0, preDepth - 1);
            }
            if (!open.isEmpty() && open.get(open.size() - 1).element() == element) {
                flush();
                open.remove(open.size() - 1);
                scopes.remove(element);
                // text after a nested block belongs to the parent but is no longer the whole parent
                wholeElement = false;
            }
            return FilterResult.CONTINUE;
        }

        void appendText(String s) {
            if (s.isEmpty()) {
                return;
            }
            text.append(s);
            if (!openLinks.isEmpty()) {
                for (int i = 0; i < s.length(); i++) {
                    if (!Whitespace.isSpace(s.charAt(i))) {
                        linkChars++;
                    }
                }
            }
        }

        void appendRow(Element row) {
            StringBuilder cells = new StringBuilder();
            for (Element cell : row.children()) {
                String cellText = Whitespace.collapse(cell.text());
                if (!cellText.isEmpty()) {
                    if (cells.length() > 0) {
                        cells.append(" | ");
                    }
                    cells.append(cellText);
                }
            }
            for (Element link : row.select("a")) {
                linkChars += link.text().replace(" ", "").length();
            }
            text.append(cells);
        }

        boolean cellsAreInline(Element row) {
            for (Element cell : row.children()) {
                for (Element inner : cell.getAllElements()) {
                    if (inner != cell && BLOCK_TAGS.contains(inner.normalName()) && !inner.normalName().equals("br")) {
                        return false;
                    }
                }
            }
            return true;
        }

        void flush() {
            String collapsed = Whitespace.collapse(text);
            if (!collapsed.isEmpty()) {
                if (blocks.size() >= maxBlocks) {
                    throw new LimitExceededException("the document has more than " + maxBlocks + " blocks, the limit");
                }
                Scope scope = open.isEmpty() ? null : open.get(open.size() - 1);
                Element element = scope == null ? null : scope.element();
                String tag = element == null ? "body" : element.normalName();
                int landmarks = (scope == null ? 0 : scope.landmarks()) | inlineLandmarks;
                List<String> words = scope == null ? List.of() : Arrays.asList(scope.classWords());
                int depth = scope == null ? 0 : scope.depth();
                int blockLinkChars = Math.min(linkChars, collapsed.length());
                DomContext context = new DomContext(tag, landmarks, words, depth, blockLinkChars,
                        links.isEmpty() ? List.of() : List.copyOf(links), ArticleSignals.NONE);
                Element source = wholeElement ? element : null;
                Container container = scope == null ? root : scope.container();
                ArticleMap.add(container, blocks.size(), collapsed, blockLinkChars);
                blockContainers.add(container);
                blocks.add(new Block(blocks.size(), collapsed, collapsed, context, source));
            }
            text.setLength(0);
            linkChars = 0;
            links.clear();
            inlineLandmarks = 0;
            if (!openLinks.isEmpty()) {
                inlineLandmarks = Landmark.LINK.bit();
                // a block inside a link (a teaser's heading wrapped in its <a>) points where that link does
                String innermost = openLinks.get(openLinks.size() - 1);
                if (!innermost.isEmpty()) {
                    links.add(innermost);
                }
            }
        }

        Scope scopeOf(Element element, Scope parent, String tag) {
            int landmarks = parent == null ? 0 : parent.landmarks();
            Landmark landmark = Landmark.of(tag, element.attr("role").toLowerCase(Locale.ROOT));
            if (landmark != null) {
                landmarks |= landmark.bit();
            }
            // a set that keeps insertion order: pages nest dozens of classed wrappers, and a list's contains() showed in profiles
            Set<String> words = new LinkedHashSet<>();
            Name id = name(element.id());
            Name className = name(element.className());
            addClassWords(id, words);
            addClassWords(className, words);
            // inline ancestors between the parent scope and this element carry class words too
            for (Element up = element.parent(); up != null && (parent == null || up != parent.element()); up = up.parent()) {
                addClassWords(name(up.id()), words);
                addClassWords(name(up.className()), words);
                Landmark inline = Landmark.of(up.normalName(), up.attr("role").toLowerCase(Locale.ROOT));
                if (inline != null) {
                    landmarks |= inline.bit();
                }
            }
            String[] inherited = parent == null ? new String[0] : parent.classWords();
            int depth = parent == null ? 0 : parent.depth() + 1;
            Container container = new Container(parent == null ? root : parent.container(), tag, alike(element), id.flags() | className.flags());
            containers.add(container);
            if (words.isEmpty()) {
                // nothing of its own (most p, li, td): the parent's words, already deduplicated and capped
                return new Scope(element, landmarks, inherited, depth, container);
            }
            String[] kept = new String[Math.min(MAX_CLASS_WORDS, words.size() + inherited.length)];
            int size = 0;
            for (String w : words) {
                if (size == kept.length) {
                    break;
                }
                kept[size++] = w;
            }
            // the parent's words are distinct already: only the element's own need checking against
            for (String w : inherited) {
                if (size == kept.length) {
                    break;
                }
                if (!words.contains(w)) {
                    kept[size++] = w;
                }
            }
            return new Scope(element, landmarks, size == kept.length ? kept : Arrays.copyOf(kept, size), depth, container);
        }

        /** The element's siblings (itself included) with its tag and class, counted once per parent. */
        int alike(Element element) {
            Element parent = element.parent();
            if (parent == null) {
                return 1;
            }
            Integer known = alikeCounts.get(element);
            if (known == null) {
                // the first child asked about counts all its siblings at once
                int nodes = parent.childNodeSize();
                Kind[] kinds = new Kind[nodes];
                Map<Kind, int[]> byKind = new HashMap<>();
                for (int i = 0; i < nodes; i++) {
                    if (parent.childNode(i) instanceof Element child) {
                        kinds[i] = new Kind(child.normalName(), child.className());
                        byKind.computeIfAbsent(kinds[i], k -> new int[1])[0]++;
                    }
                }
                for (int i = 0; i < nodes; i++) {
                    if (kinds[i] != null) {
                        alikeCounts.put((Element) parent.childNode(i), byKind.get(kinds[i])[0]);
                    }
                }
                known = alikeCounts.getOrDefault(element, 1);
            }
            return known;
        }

        /** A class or id value as the walk reads it, once per distinct value on the page. */
        Name name(String value) {
            if (value.isEmpty()) {
                return Name.NONE;
            }
            return names.computeIfAbsent(value, v -> {
                List<String> split = new ArrayList<>();
                ClassWords.addFrom(v, split);
                return new Name(v, split.toArray(String[]::new), Container.nameFlags(v));
            });
        }

        /** Adds the words of a class or id value. */
        void addClassWords(Name name, Set<String> into) {
            if (into.size() + name.words().length >= ClassWords.MAX_WORDS) {
                // near the cap, ClassWords stops mid-value: let it
                ClassWords.addFrom(name.value(), into);
                return;
            }
            for (String w : name.words()) {
                into.add(w);
            }
        }
    }
}
