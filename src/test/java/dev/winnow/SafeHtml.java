package dev.winnow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * What "safe to render" means for winnow's HTML output, checked the way an attacker would look
 * at it: no element that runs or loads anything, no event handler, no script-bearing URL however
 * it is spelt, and nothing the output safelist does not allow. Shared by the XSS and fuzz tests.
 */
public final class SafeHtml {
    private SafeHtml() {
    }

    /** The safelist HtmlRenderer cleans with, written out again here so that a change to it shows. */
    public static final Safelist OUTPUT = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "http", "https")
            .addAttributes("a", "rel")
            .preserveRelativeLinks(false);

    private static final Set<String> FORBIDDEN_TAGS = Set.of(
            "script", "iframe", "frame", "frameset", "svg", "math", "style", "object", "embed", "applet", "base", "meta",
            "link", "form", "input", "button", "textarea", "select", "template", "noscript", "xml", "import", "video",
            "audio", "source", "track", "bgsound", "marquee", "layer", "ilayer", "portal", "isindex");

    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href", "src", "cite", "action", "formaction", "background", "poster", "lowsrc", "dynsrc", "data", "srcset",
            "xlink:href", "codebase", "longdesc", "usemap", "profile", "manifest");

    private static final Pattern SCRIPT_TAG = Pattern.compile("(?i)<\\s*/?\\s*script");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final Pattern HANDLER = Pattern.compile("(?i)[\\s/]on\\w+\\s*=");
    private static final Pattern BAD_SCHEME = Pattern.compile("^(javascript|vbscript|livescript|mocha|data|jar|feed):");

    /** Every way the HTML breaks the rules; empty when it is safe. */
    public static List<String> violations(String html) {
        List<String> found = new ArrayList<>();
        if (SCRIPT_TAG.matcher(html).find()) {
            found.add("a <script tag");
        }
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            // an on...= inside a quoted attribute value is text, as a browser reads it
            String tag = QUOTED.matcher(tags.group()).replaceAll("\"\"");
            if (HANDLER.matcher(tag).find()) {
                found.add("an on...= event handler in the tag " + tags.group());
            }
        }
        Document document = Jsoup.parseBodyFragment(html);
        for (Element e : document.body().getAllElements()) {
            if (e == document.body()) {
                continue;
            }
            String tag = e.normalName();
            if (FORBIDDEN_TAGS.contains(tag)) {
                found.add("a <" + tag + "> element");
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    found.add("event handler " + name + " on <" + tag + ">");
                }
                if (name.equals("style") || name.equals("srcdoc")) {
                    found.add("attribute " + name + " on <" + tag + ">");
                }
                if (URL_ATTRIBUTES.contains(name)) {
                    String url = normalisedUrl(a.getValue());
                    if (BAD_SCHEME.matcher(url).find()) {
                        found.add("a script or data URL in " + tag + "[" + name + "]: " + a.getValue());
                    } else if (!url.startsWith("http:") && !url.startsWith("https:") && !url.startsWith("mailto:") && !url.startsWith("ftp:")) {
                        found.add("a URL that is not absolute http(s)/mailto/ftp in " + tag + "[" + name + "]: " + a.getValue());
                    }
                }
            }
        }
        if (!Jsoup.isValid(html, OUTPUT)) {
            found.add("markup the output safelist does not allow");
        }
        return found;
    }

    /** The URL as a browser reads its scheme: control characters and white space anywhere dropped, lower case. */
    static String normalisedUrl(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c != 0x7f && !Character.isWhitespace(c) && !Character.isISOControl(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
