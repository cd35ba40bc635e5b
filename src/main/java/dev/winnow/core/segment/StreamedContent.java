package dev.winnow.core.segment;

import dev.winnow.core.Deadline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Puts the content a streaming React server sends late where the browser shows it. Such a page
 * (Next.js and others) sends each late part in a {@code <div hidden id="S:…">} at the end of the
 * body and a script call, {@code $RC("B:…","S:…")} or {@code $RS("S:…","P:…")}, that moves it into
 * its placeholder. Read as hidden, the article of such a page is lost whole; read in place of its
 * placeholder, it stands where a reader sees it. This does what those two scripts do, and where a
 * saved page has lost its scripts, pairs each part with the placeholder of the same number.
 */
final class StreamedContent {
    private static final Pattern SEGMENT_ID = Pattern.compile("S:[0-9A-Za-z]+");
    private static final Pattern CALL = Pattern.compile("\\$R([CS])\\(\"([^\"]+)\",\"([^\"]+)\"\\)");

    /** Where a part goes: a boundary's template, whose fallback it replaces ($RC), or a plain placeholder ($RS). */
    private record Target(String id, boolean boundary) {
    }

    private StreamedContent() {
    }

    /** Whether a hidden element is such a late part rather than content the page keeps hidden. */
    static boolean isSegment(Element hidden) {
        return hidden.normalName().equals("div") && SEGMENT_ID.matcher(hidden.id()).matches();
    }

    /**
     * Moves each segment, in document order as the scripts run, into the placeholder its script
     * names, or shows it where it stands when no script names one.
     */
    static void reveal(Document document, List<Element> segments, Deadline deadline) {
        Map<String, Target> targetOf = new HashMap<>();
        for (Element script : document.getElementsByTag("script")) {
            Matcher m = CALL.matcher(script.data());
            while (m.find()) {
                boolean boundary = m.group(1).equals("C");
                targetOf.put(boundary ? m.group(3) : m.group(2), new Target(boundary ? m.group(2) : m.group(3), boundary));
            }
        }
        // one look-up table, not a search of the page per part: a page may send thousands
        Map<String, Element> placeholders = new HashMap<>();
        for (Element e : document.select("[id^=P:], [id^=B:]")) {
            placeholders.putIfAbsent(e.id(), e);
        }
        for (Element segment : segments) {
            deadline.check("placing the late parts of a streamed page");
            Target target = targetOf.get(segment.id());
            if (target == null) {
                // saved pages often lose their scripts; React names a part and its placeholder alike ("S:2", "P:2" or "B:2")
                String suffix = segment.id().substring(2);
                target = placeholders.containsKey("P:" + suffix) ? new Target("P:" + suffix, false) : new Target("B:" + suffix, true);
            }
            Element placeholder = placeholders.get(target.id());
            if (placeholder == null || placeholder.parent() == null || nested(placeholder, segment)) {
                segment.removeAttr("hidden");
                continue;
            }
            Node end = target.boundary() ? removeFallback(placeholder) : placeholder;
            for (Node child : List.copyOf(segment.childNodes())) {
                end.before(child);
            }
            if (end == placeholder) {
                placeholder.remove();
            }
            segment.remove();
        }
    }

    /** Whether one of the two lies inside the other, where moving one into the other's place cannot be done. */
    private static boolean nested(Element a, Element b) {
        for (Element up = a; up != null; up = up.parent()) {
            if (up == b) {
                return true;
            }
        }
        for (Element up = b; up != null; up = up.parent()) {
            if (up == a) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes a boundary's template and the fallback (a spinner, a skeleton) after it, up to the
     * boundary's closing {@code <!--/$-->}, and returns that comment, before which the content goes.
     * A page saved without its comments has no such end: then only the template goes, and the
     * content takes its place.
     */
    private static Node removeFallback(Element template) {
        Node end = closingComment(template);
        if (end == null) {
            return template;
        }
        for (Node node = template; node != end; ) {
            Node next = node.nextSibling();
            node.remove();
            node = next;
        }
        return end;
    }

    private static Node closingComment(Element template) {
        int depth = 0;
        for (Node node = template.nextSibling(); node != null; node = node.nextSibling()) {
            if (node instanceof Comment comment) {
                String data = comment.getData();
                if (data.equals("/$")) {
                    if (depth == 0) {
                        return node;
                    }
                    depth--;
                } else if (data.equals("$") || data.equals("$?") || data.equals("$!")) {
                    depth++;
                }
            }
        }
        return null;
    }
}
