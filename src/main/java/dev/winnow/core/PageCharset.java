package dev.winnow.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset a page's bytes are written in, decided once for the HTTP service, the batch command
 * and the Spark job, so that a page reads the same whichever way it comes. In order: a byte-order
 * mark; the charset the caller or the server declared; UTF-8 when the bytes are valid UTF-8 and
 * hold a byte beyond ASCII; the page's own meta charset; else UTF-8. (Training does not use it
 * yet: see {@code train.SourcePage#parse}.)
 *
 * <p>Valid UTF-8 comes before the meta because a page saved to disk or into a corpus is usually
 * re-encoded as UTF-8 and keeps the meta of the site it came from: read by that meta, every
 * accented letter turns into two ("Ã©"), and the words stop matching anything the model learned.
 * Text in a single-byte charset with letters beyond ASCII is all but never valid UTF-8 by chance.
 */
public final class PageCharset {

    /** How far into a page a meta charset is looked for; the HTML standard says 1024 bytes, pages stray further. */
    private static final int META_SCAN_BYTES = 8192;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)|<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);

    private static final byte[] ASCII_SAMPLE = "<meta charset=\"Az09\"> \t\n".getBytes(StandardCharsets.US_ASCII);

    private PageCharset() {
    }

    /**
     * @param bytes    the page
     * @param declared the charset the caller or the server named for these bytes, or null
     */
    public static Charset of(byte[] bytes, Charset declared) {
        Charset bom = byteOrderMark(bytes);
        if (bom != null) {
            return bom;
        }
        if (declared != null) {
            return declared;
        }
        if (isUtf8BeyondAscii(bytes)) {
            return StandardCharsets.UTF_8;
        }
        Charset meta = metaCharset(bytes);
        return meta != null ? meta : StandardCharsets.UTF_8;
    }

    /** The page as text, in the charset {@link #of} finds, without its byte-order mark. */
    public static String decode(byte[] bytes, Charset declared) {
        Charset charset = of(bytes, declared);
        int skip = byteOrderMarkLength(bytes, charset);
        return new String(bytes, skip, bytes.length - skip, charset);
    }

    /**
     * Plain text, strictly: in the charset of its byte-order mark, else the one declared, else
     * UTF-8, without the mark. Text has no meta charset and no markup to survive a wrong guess,
     * so bytes that are not valid in that charset are refused, not replaced; a byte-order mark
     * comes before a declared charset, as it does for a page.
     *
     * @param declared the charset the caller or the server named for these bytes, or null
     * @throws UndecodableTextException naming the charset and the byte where the text stops being valid
     */
    public static String decodeStrictly(byte[] bytes, Charset declared) {
        Charset bom = byteOrderMark(bytes);
        Charset charset = bom != null ? bom : declared != null ? declared : StandardCharsets.UTF_8;
        int skip = byteOrderMarkLength(bytes, charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new UndecodableTextException(charset, in.position());
        }
    }

    /**
     * The charset a label names, as browsers map labels (ISO-8859-1 and ASCII mean windows-1252),
     * or null when this JVM does not know it.
     */
    public static Charset named(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii") || name.equals("ascii")) {
            name = "windows-1252";
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Whether the charset writes ASCII as ASCII, byte for byte, as a charset named inside the page must. */
    private static boolean isAsciiCompatible(Charset charset) {
        if (charset == null || !charset.canEncode()) {
            return false;
        }
        return Arrays.equals(new String(ASCII_SAMPLE, StandardCharsets.US_ASCII).getBytes(charset), ASCII_SAMPLE);
    }

    /** The meta charset, when it is one this JVM knows and could have been read as ASCII (UTF-16, EBCDIC cannot). */
    private static Charset metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        Charset charset = named(m.group(1) != null ? m.group(1) : m.group(2));
        return isAsciiCompatible(charset) ? charset : null;
    }

    private static boolean isUtf8BeyondAscii(byte[] bytes) {
        boolean beyondAscii = false;
        for (byte b : bytes) {
            if (b < 0) {
                beyondAscii = true;
                break;
            }
        }
        if (!beyondAscii) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The charset a byte-order mark at the start of the bytes announces, or null when they start with none. */
    public static Charset byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** How many bytes of a byte-order mark to skip when the bytes are read in {@code charset}. */
    public static int byteOrderMarkLength(byte[] bytes, Charset charset) {
        Charset bom = byteOrderMark(bytes);
        if (bom == null || !bom.equals(charset)) {
            return 0;
        }
        return bom == StandardCharsets.UTF_8 ? 3 : 2;
    }
}
