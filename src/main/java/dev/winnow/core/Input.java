package dev.winnow.core;

import org.jsoup.nodes.Document;

/**
 * A document to clean: HTML (a page or a fragment) or plain text (one block per line).
 *
 * @param content the page or the text; null only when {@code parsed} is given
 * @param parsed  an HTML page a caller has already parsed (to find its charset, say), so it is
 *                not serialised and parsed again; null otherwise. Cleaning only reads it.
 */
public record Input(Kind kind, String content, Document parsed) {

    public enum Kind { HTML, TEXT }

    public Input {
        if (kind == null || (content == null && parsed == null)) {
            throw new IllegalArgumentException("an input needs a kind and content");
        }
        if (parsed != null && kind != Kind.HTML) {
            throw new IllegalArgumentException("only HTML comes parsed");
        }
    }

    public Input(Kind kind, String content) {
        this(kind, content, null);
    }

    public static Input html(String html) {
        return new Input(Kind.HTML, html);
    }

    public static Input html(Document page) {
        return new Input(Kind.HTML, null, page);
    }

    public static Input text(String text) {
        return new Input(Kind.TEXT, text);
    }
}
