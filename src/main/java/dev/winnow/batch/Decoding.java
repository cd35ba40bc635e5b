package dev.winnow.batch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of a page or a text file to a string. HTML is decoded as a browser would, leniently:
 * byte-order mark, else the charset the server declared, else the page's own {@code <meta>}
 * charset, else UTF-8. Text is decoded strictly, as {@code POST /v1/clean} does: bytes that are
 * not valid in the charset make the record an error, not a guess.
 */
public final class Decoding {

    /** How far into a page a {@code <meta charset>} is looked for; the HTML standard says 1024 bytes, pages stray further. */
    private static final int META_SCAN_BYTES = 4096;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private static final Pattern CHARSET_PARAMETER = Pattern.compile(
            "charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private Decoding() {
    }

    /**
     * @param bytes       the page
     * @param contentType the Content-Type the server sent with it, or null
     */
    public static String html(byte[] bytes, String contentType) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new String(bytes, skip, bytes.length - skip, bom);
        }
        Charset charset = charsetOf(contentType);
        if (charset == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                charset = known(m.group(1));
                // A page that says UTF-16 in ASCII bytes is not UTF-16; browsers read it as UTF-8.
                if (charset != null && charset.name().startsWith("UTF-16")) {
                    charset = StandardCharsets.UTF_8;
                }
            }
        }
        return new String(bytes, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    /**
     * Plain text, strictly: UTF-8 unless {@code contentType} names another charset.
     *
     * @throws RecordException naming the byte where the text stops being valid
     */
    public static String text(byte[] bytes, String contentType) {
        Charset bom = bomCharset(bytes);
        Charset declared = charsetOf(contentType);
        Charset charset = bom != null ? bom : declared != null ? declared : StandardCharsets.UTF_8;
        int skip = bom == null ? 0 : bom == StandardCharsets.UTF_8 ? 3 : 2;
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new RecordException("the text is not valid " + charset.name() + " (at byte " + in.position() + ")");
        }
    }

    /** The charset parameter of a Content-Type, when it names one this JVM knows. */
    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAMETER.matcher(contentType);
        return m.find() ? known(m.group(1)) : null;
    }

    /** The charset by that name, as browsers map the labels (ISO-8859-1 and ASCII mean windows-1252), or null. */
    static Charset known(String name) {
        String label = name.trim().toLowerCase(Locale.ROOT);
        if (label.equals("iso-8859-1") || label.equals("latin1") || label.equals("us-ascii") || label.equals("ascii")) {
            label = "windows-1252";
        }
        try {
            return Charset.forName(label);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static Charset bomCharset(byte[] b) {
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
}
