package dev.winnow.core.features;

import java.util.List;
import java.util.Locale;

/**
 * Symbolic features of where a block's links point. A "Facebook" that opens a share intent is
 * furniture, one that opens the publisher's page is a follow; a heading that links to a long
 * slug elsewhere on the site is a teaser; /donate, patreon.com and /subscribe say the rest.
 * The words are hashed like any other, so the model learns what they mean.
 */
final class LinkTargets {
    private static final int MAX_PATH_WORDS = 6;

    private LinkTargets() {
    }

    static void addKeys(List<String> hrefs, PageFeatures.IntList keys) {
        for (String href : hrefs) {
            addKeys(href.strip().toLowerCase(Locale.ROOT), keys);
        }
    }

    private static void addKeys(String href, PageFeatures.IntList keys) {
        if (href.startsWith("#")) {
            keys.add(key("kind=fragment"));
            return;
        }
        int colon = href.indexOf(':');
        int slash = href.indexOf('/');
        String scheme = colon > 0 && (slash < 0 || colon < slash) ? href.substring(0, colon) : "";
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
            keys.add(key("kind=" + (scheme.length() > 12 ? "other" : scheme)));
            return;
        }
        String rest = scheme.isEmpty() ? href : href.substring(colon + 1);
        String path = rest;
        if (rest.startsWith("//")) {
            int end = rest.indexOf('/', 2);
            String host = end < 0 ? rest.substring(2) : rest.substring(2, end);
            path = end < 0 ? "" : rest.substring(end);
            keys.add(key("kind=absolute"));
            keys.add(key("site=" + siteName(host)));
        } else {
            keys.add(key("kind=relative"));
        }
        int query = indexOfAny(path, '?', '#');
        if (query >= 0) {
            keys.add(key("query"));
            path = path.substring(0, query);
        }
        int words = 0;
        int segments = 0;
        int start = -1;
        for (int i = 0; i <= path.length(); i++) {
            char ch = i < path.length() ? path.charAt(i) : '/';
            if (ch == '/') {
                segments += i > 0 && path.charAt(i - 1) != '/' ? 1 : 0;
            }
            boolean letter = i < path.length() && Character.isLetter(ch);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start >= 2 && i - start <= 20 && words < MAX_PATH_WORDS) {
                    keys.add(key("path=" + path.substring(start, i)));
                    words++;
                }
                start = -1;
            }
        }
        keys.add(key("segments=" + Math.min(segments, 5)));
        // an article's slug is long; a section's or a service's is one or two words
        keys.add(key("slug=" + (path.length() > 40 ? "long" : path.length() > 15 ? "mid" : "short")));
    }

    /** The name under the public suffix: {@code www.facebook.com} and {@code m.facebook.com} are both {@code facebook}. */
    private static String siteName(String host) {
        int at = host.lastIndexOf('@');
        String h = at >= 0 ? host.substring(at + 1) : host;
        int port = h.indexOf(':');
        if (port >= 0) {
            h = h.substring(0, port);
        }
        String[] labels = h.split("\\.");
        if (labels.length < 2) {
            return h;
        }
        String name = labels[labels.length - 2];
        // co.uk, com.au, …: the name sits one label further left
        if (labels.length >= 3 && name.length() <= 3) {
            name = labels[labels.length - 3];
        }
        return name;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    private static int key(String feature) {
        return Hashing.of(Hashing.LINK, feature);
    }
}
