package dev.winnow.core;

import java.util.Locale;

/**
 * The five block labels, as defined once in {@code LABELS.md}. The ordinal is the class index
 * the model predicts, so the order is part of the model file format: append, never reorder.
 */
public enum Label {
    EDITORIAL("the content the page exists to present"),
    BOILERPLATE("site furniture: navigation, legal, chrome, interface text"),
    PROMO("a push to do something else: ads, sign-ups, follow us, other content"),
    PAYWALL("a notice that this content is restricted, metered or gated, and its prompts"),
    DONATION("an appeal for voluntary support of the publisher");

    private final String meaning;

    Label(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** The lower-case name used in the API, the corpus and the model card. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Label fromId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("a label is missing; expected one of editorial, boilerplate, promo, paywall, donation");
        }
        for (Label label : values()) {
            if (label.id().equalsIgnoreCase(id.trim())) {
                return label;
            }
        }
        throw new IllegalArgumentException("unknown label '" + id + "'; expected one of editorial, boilerplate, promo, paywall, donation");
    }
}
