package dev.winnow.core.model;

import dev.winnow.core.Input;
import java.io.Serializable;

/**
 * The paywall probability from which a notice beside the article makes a page {@code paywalled},
 * for each kind of input. Plain text has no markup to set a teaser's "Premium" badge apart from
 * the article's lines, so the same score says less there, and {@code calibrate} chooses each on
 * the dev split's pages read in that form.
 *
 * @param html for HTML input (0: any paywall block beside the article)
 * @param text for plain-text input (0: the same)
 */
public record PaywalledAt(double html, double text) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One threshold for both kinds, as models before the two were chosen apart. */
    public static PaywalledAt both(double at) {
        return new PaywalledAt(at, at);
    }

    public double of(Input.Kind kind) {
        return kind == Input.Kind.TEXT ? text : html;
    }
}
