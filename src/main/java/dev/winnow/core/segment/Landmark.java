package dev.winnow.core.segment;

import java.util.Locale;

/** Containers whose presence above a block says a lot about what the block is. */
public enum Landmark {
    NAV, HEADER, FOOTER, ASIDE, FORM, MAIN, ARTICLE, LIST, TABLE, FIGURE, BLOCKQUOTE, LINK, BUTTON, DIALOG, SECTION;

    private final String id = name().toLowerCase(Locale.ROOT);

    public int bit() {
        return 1 << ordinal();
    }

    public String id() {
        return id;
    }

    /** The landmark an element stands for, by tag or ARIA role; null when it is none. */
    static Landmark of(String tag, String role) {
        switch (role) {
            case "navigation": return NAV;
            case "banner": return HEADER;
            case "contentinfo": return FOOTER;
            case "complementary": return ASIDE;
            case "main": return MAIN;
            case "dialog": case "alertdialog": return DIALOG;
            case "button": return BUTTON;
            default: break;
        }
        switch (tag) {
            case "nav": case "menu": return NAV;
            case "header": return HEADER;
            case "footer": return FOOTER;
            case "aside": return ASIDE;
            case "form": return FORM;
            case "main": return MAIN;
            case "article": return ARTICLE;
            case "ul": case "ol": case "dl": return LIST;
            case "table": return TABLE;
            case "figure": return FIGURE;
            case "blockquote": return BLOCKQUOTE;
            case "a": return LINK;
            case "button": return BUTTON;
            case "dialog": return DIALOG;
            case "section": return SECTION;
            default: return null;
        }
    }
}
