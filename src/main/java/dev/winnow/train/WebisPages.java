package dev.winnow.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The six classic sets of {@code webis-ceb/} (CleanEval final and dev, CleanPortalEval, Dragnet,
 * L3S-GN1, GoogleTrends-2017), each page with its gold main text read as
 * {@code ../shared/data/peers/README.md} says: CleanEval's block markers removed, Dragnet cut at
 * its comment separator, L3S-GN1's headline and full-text blocks, GoogleTrends' content leaves.
 * Inputs are given to winnow as a user would send them: CleanEval's {@code <text>} wrapper and
 * GoogleTrends' annotator attributes are removed first.
 */
public final class WebisPages {
    private WebisPages() {
    }

    public static final String SOURCE = "webis";
    /** The sets in the order of {@code webis-ceb/README}; a page's {@link SourcePage#pageType()} names its set. */
    public static final List<String> DATASETS = List.of("cleaneval-final", "cleaneval-dev", "cleanportaleval", "dragnet", "l3s-gn1", "googletrends-2017");

    private static final Pattern TEXT_OPEN = Pattern.compile("\\A\\s*<text\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_ID = Pattern.compile("\\A\\s*<text\\s+id=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_CLOSE = Pattern.compile("</text>\\s*\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANNOTATOR_LABEL = Pattern.compile("\\s__label=\"[^\"]*\"");
    private static final Pattern CANONICAL = Pattern.compile(
            "<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)|<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DRAGNET_COMMENTS = Pattern.compile("(?m)^[ \\t!@#$%^&*()]{3,}COMMENTS[ \\t]*$");
    private static final Pattern CLEANEVAL_MARKER = Pattern.compile("<!--.*?-->|</?[hpl]>|</p>", Pattern.DOTALL);
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "td", "th", "tr", "br", "ul", "ol", "table", "section", "article", "header", "footer", "blockquote", "pre",
            "dd", "dt", "dl", "form", "nav", "aside", "main", "figure", "figcaption", "caption", "hr", "address");

    public static boolean present(SharedData data) {
        return Files.isRegularFile(data.webis().resolve("index.jsonl"));
    }

    public static List<SourcePage> all(SharedData data) {
        List<SourcePage> pages = new ArrayList<>();
        for (JsonNode line : SourcePages.jsonLines(data.webis().resolve("index.jsonl"))) {
            String dataset = line.get("dataset").asText();
            String id = dataset + "/" + line.get("id").asText();
            byte[] input = SourcePages.gunzip(data.webis().resolve(line.get("input").asText()));
            byte[] goldBytes = SourcePages.gunzip(data.webis().resolve(line.get("gold").asText()));
            String latin = new String(input, StandardCharsets.ISO_8859_1);
            String url = null;
            Matcher wrapper = TEXT_ID.matcher(latin);
            if (wrapper.find()) {
                url = wrapper.group(1);
            }
            if (TEXT_OPEN.matcher(latin).find()) {
                latin = TEXT_CLOSE.matcher(TEXT_OPEN.matcher(latin).replaceFirst("")).replaceFirst("");
            }
            if (dataset.equals("googletrends-2017")) {
                latin = ANNOTATOR_LABEL.matcher(latin).replaceAll("");
            }
            if (url == null) {
                Matcher canonical = CANONICAL.matcher(latin.length() > 200_000 ? latin.substring(0, 200_000) : latin);
                if (canonical.find()) {
                    url = canonical.group(1) != null ? canonical.group(1) : canonical.group(2);
                }
            }
            String domain = url == null ? id : SourcePages.host(url, id);
            pages.add(new SourcePage(SOURCE, id, url, domain, "webis-ceb (" + dataset + "); page not redistributable", dataset,
                    latin.getBytes(StandardCharsets.ISO_8859_1), new Gold(goldText(dataset, goldBytes), List.of(), List.of())));
        }
        return pages;
    }

    static String goldText(String dataset, byte[] bytes) {
        return switch (dataset) {
            case "dragnet" -> {
                String text = decodeText(bytes).replace("\r\n", "\n").replace('\r', '\n');
                Matcher m = DRAGNET_COMMENTS.matcher(text);
                yield m.find() ? text.substring(0, m.start()) : text;
            }
            case "l3s-gn1" -> nodesText(Jsoup.parse(decodeHtml(bytes)), WebisPages::l3sContent);
            case "googletrends-2017" -> nodesText(Jsoup.parse(decodeHtml(bytes)), WebisPages::boilernetContent);
            default -> cleanEval(decodeText(bytes));
        };
    }

    private static String cleanEval(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.stripLeading();
        if (t.startsWith("URL:")) {
            int nl = t.indexOf('\n');
            t = nl < 0 ? "" : t.substring(nl + 1);
        }
        return Parser.unescapeEntities(CLEANEVAL_MARKER.matcher(t).replaceAll(""), false);
    }

    private static boolean l3sContent(TextNode node) {
        for (Node up = node.parent(); up != null; up = up.parent()) {
            if (up instanceof Element e) {
                for (String c : e.classNames()) {
                    if (c.startsWith("x-nc-sel")) {
                        return c.equals("x-nc-sel1") || c.equals("x-nc-sel2");
                    }
                }
            }
        }
        return false;
    }

    private static boolean boilernetContent(TextNode node) {
        for (Node up = node.parent(); up != null; up = up.parent()) {
            if (up instanceof Element e && "1".equals(e.attr("__boilernet_label"))) {
                return true;
            }
        }
        return false;
    }

    /** The text of the nodes the gold marks as content, a line break at each block element. */
    private static String nodesText(Document doc, Predicate<TextNode> content) {
        StringBuilder out = new StringBuilder();
        Element root = doc.body() == null ? doc : doc.body();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !skipped(t) && content.test(t)) {
                    out.append(t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }
        }, root);
        return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\n[ \n]*", "\n").strip();
    }

    private static boolean skipped(TextNode t) {
        for (Node up = t.parent(); up != null; up = up.parent()) {
            if (up instanceof Element e) {
                String n = e.normalName();
                if (n.equals("script") || n.equals("style") || n.equals("head") || n.equals("title")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Gold text bytes: BOM, else strict UTF-8, else windows-1252. */
    static String decodeText(byte[] b) {
        String text = bomOrStrictUtf8(b);
        return text != null ? text : new String(b, Charset.forName("windows-1252"));
    }

    /** The text when the bytes start with a UTF-8 BOM or are valid UTF-8; null otherwise. */
    private static String bomOrStrictUtf8(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Gold HTML bytes, decoded by the peers' rule: BOM, strict UTF-8, the declared charset, windows-1252. */
    static String decodeHtml(byte[] b) {
        String text = bomOrStrictUtf8(b);
        if (text != null) {
            return text;
        }
        String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?:charset|encoding)\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE).matcher(head);
        if (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (name.matches("iso-8859-1|latin-?1|l1|cp819|iso8859-1|ascii|us-ascii|iso-8859-15")) {
                name = "windows-1252";
            }
            try {
                return new String(b, Charset.forName(name));
            } catch (RuntimeException ignored) {
                // an unknown charset falls through to windows-1252
            }
        }
        return new String(b, Charset.forName("windows-1252"));
    }
}
