package dev.winnow.batch;

import dev.winnow.core.PageCharset;
import dev.winnow.core.UndecodableTextException;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of a page or a text file to a string. HTML is decoded leniently, in the charset
 * {@link PageCharset} finds (byte-order mark, the charset the server declared, valid UTF-8, the
 * page's own meta charset, UTF-8), as the HTTP service reads a page. Text is decoded
 * strictly, as {@code POST /v1/clean} does: bytes that are not valid in the charset make the
 * record an error, not a guess.
 */
public final class Decoding {

    private static final Pattern CHARSET_PARAMETER = Pattern.compile(
            "charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private Decoding() {
    }

    /**
     * @param bytes       the page
     * @param contentType the Content-Type the server sent with it, or null
     */
    public static String html(byte[] bytes, String contentType) {
        return PageCharset.decode(bytes, charsetOf(contentType));
    }

    /**
     * Plain text, strictly: in the charset of its byte-order mark, else the one {@code contentType}
     * names, else UTF-8.
     *
     * @throws RecordException naming the byte where the text stops being valid
     */
    public static String text(byte[] bytes, String contentType) {
        try {
            return PageCharset.decodeStrictly(bytes, charsetOf(contentType));
        } catch (UndecodableTextException e) {
            throw new RecordException("the text is " + e.getMessage());
        }
    }

    /** The charset parameter of a Content-Type, when it names one this JVM knows. */
    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAMETER.matcher(contentType);
        return m.find() ? PageCharset.named(m.group(1)) : null;
    }
}
