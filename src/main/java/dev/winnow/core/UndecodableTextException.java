package dev.winnow.core;

import java.nio.charset.Charset;

/**
 * Text bytes that are not valid in the charset they are read in. The HTTP service answers it with
 * a problem, batch with an error record; both name the charset and the byte, so a caller can
 * find the fault or name the right charset.
 */
public final class UndecodableTextException extends RuntimeException {
    private final transient Charset charset;
    private final int position;

    public UndecodableTextException(Charset charset, int position) {
        super("not valid " + charset.name() + " (at byte " + position + ")");
        this.charset = charset;
        this.position = position;
    }

    public Charset charset() {
        return charset;
    }

    /** The byte of the input, byte-order mark included, where the text stops being valid. */
    public int position() {
        return position;
    }
}
