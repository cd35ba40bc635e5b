package dev.winnow.core.render;

import java.util.Locale;

/** The output formats of a cleaned document. */
public enum Format {
    TEXT, HTML, MARKDOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Format fromId(String id) {
        for (Format f : values()) {
            if (f.id().equalsIgnoreCase(id.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'; expected text, html or markdown");
    }

    public Renderer renderer() {
        return switch (this) {
            case TEXT -> TextRenderer.INSTANCE;
            case HTML -> HtmlRenderer.INSTANCE;
            case MARKDOWN -> MarkdownRenderer.INSTANCE;
        };
    }
}
