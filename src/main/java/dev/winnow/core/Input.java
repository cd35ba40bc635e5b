package dev.winnow.core;

/**
 * A document to clean: HTML (a page or a fragment) or plain text (one block per line).
 */
public record Input(Kind kind, String content) {

    public enum Kind { HTML, TEXT }

    public Input {
        if (kind == null || content == null) {
            throw new IllegalArgumentException("an input needs a kind and content");
        }
    }

    public static Input html(String html) {
        return new Input(Kind.HTML, html);
    }

    public static Input text(String text) {
        return new Input(Kind.TEXT, text);
    }
}
