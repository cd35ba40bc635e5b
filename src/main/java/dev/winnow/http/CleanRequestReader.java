package dev.winnow.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.winnow.core.Deadline;
import dev.winnow.core.Input;
import dev.winnow.core.LimitExceededException;
import dev.winnow.core.PageCharset;
import dev.winnow.core.UndecodableTextException;
import dev.winnow.http.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns the body of {@code POST /v1/clean}, as {@link EventLoopBodyReader} received it, into a
 * {@link CleanRequest}: inflates a gzip'd body to at most {@code winnow.max-decompressed-bytes},
 * decodes by media type and charset, and checks the
 * options. Every failure is a {@link ProblemException} whose detail says what to send instead.
 */
final class CleanRequestReader {

    private static final Set<String> JSON_FIELDS = Set.of("html", "text", "drop", "format", "blocks");
    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    /** What {@code Accept-Encoding} says to a client whose {@code Content-Encoding} is refused. */
    static final String ACCEPTED_ENCODINGS = "gzip, identity";

    private final long maxDecompressedBytes;

    CleanRequestReader(long maxDecompressedBytes) {
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /** Refuses with 415 a request with no Content-Type, or one this resource does not read. */
    void checkMediaType(MediaType type) {
        if (type == null) {
            throw ProblemException.unsupportedMediaType("the request has no Content-Type; send " + CleanResource.ACCEPTED_BODIES);
        }
        boolean json = type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        boolean html = type.isCompatible(MediaType.TEXT_HTML_TYPE);
        if (!json && !html && !type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            throw ProblemException.unsupportedMediaType("Content-Type '" + type + "' is not supported; send " + CleanResource.ACCEPTED_BODIES);
        }
    }

    /**
     * The body's bytes as the media type has them: inflated when gzip'd, at most
     * {@code winnow.max-decompressed-bytes}, each buffer taken from the body's share of the
     * budget before it is allocated.
     *
     * @throws ProblemException 400 when the body is blank; 503 when the budget has not the
     *                          bytes to inflate it
     */
    byte[] inflated(ReceivedBody body) {
        byte[] bytes = body.gzip() ? new GzipInflater(maxDecompressedBytes, body.share()).inflate(body.bytes()) : body.bytes();
        if (isBlank(bytes)) {
            throw ProblemException.emptyBody("the request body is empty; send the page as text/html, the text as text/plain, "
                    + "or a JSON object {\"html\": \"...\"} or {\"text\": \"...\"}");
        }
        return bytes;
    }

    /**
     * Whether the body is gzip'd: true for {@code gzip} (or {@code x-gzip}), false for none or
     * {@code identity}; any other coding, or more than one, is refused with 415.
     */
    static boolean isGzip(String contentEncoding) {
        if (contentEncoding == null) {
            return false;
        }
        List<String> codings = new ArrayList<>();
        for (String coding : contentEncoding.split(",")) {
            String c = coding.strip().toLowerCase(Locale.ROOT);
            if (!c.isEmpty() && !c.equals("identity")) {
                codings.add(c);
            }
        }
        if (codings.isEmpty()) {
            return false;
        }
        if (codings.size() == 1 && (codings.get(0).equals("gzip") || codings.get(0).equals("x-gzip"))) {
            return true;
        }
        throw ProblemException.unsupportedContentEncoding("Content-Encoding '" + contentEncoding.strip()
                + "' is not supported; send the body as it is or compressed once with gzip", ACCEPTED_ENCODINGS);
    }

    /**
     * Decodes a body returned by {@link #inflated}: JSON, HTML or text, each by its own rules. The
     * HTML is parsed here to find its charset, so the deadline applies from here on.
     */
    CleanRequest decode(MediaType type, byte[] bytes, OptionValues query, Deadline deadline) {
        boolean json = type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        boolean html = type.isCompatible(MediaType.TEXT_HTML_TYPE);
        if (json) {
            Charset charset = charsetParameter(type);
            // JSON is UTF-8 (RFC 8259), which Jackson reads as bytes; a body in another charset says so
            return charset == null || charset.equals(StandardCharsets.UTF_8)
                    ? json(bytes, query)
                    : json(text(bytes, charset).getBytes(StandardCharsets.UTF_8), query);
        }
        if (html) {
            return new CleanRequest(Input.html(html(bytes, charsetParameter(type), deadline)), query.toCleanOptions());
        }
        return new CleanRequest(Input.text(text(bytes, charsetParameter(type))), query.toCleanOptions());
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    /**
     * The charset named in the Content-Type, or null when it names none: read as batch reads a
     * record's (ISO-8859-1 as windows-1252, as browsers do), so a body decodes alike in both.
     */
    private static Charset charsetParameter(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return null;
        }
        Charset charset = PageCharset.named(name);
        if (charset == null) {
            throw ProblemException.unreadableBody("the Content-Type names the charset '" + name
                    + "', which this server does not know; use UTF-8 or another standard charset");
        }
        return charset;
    }

    /**
     * An HTML page in the charset {@link PageCharset} finds: a byte-order mark, else the
     * Content-Type's charset, else UTF-8 when the bytes are valid UTF-8, else the page's own meta
     * charset, else UTF-8, as batch and Spark read a page.
     */
    private static Document html(byte[] bytes, Charset charset, Deadline deadline) {
        // handed on parsed: the segmenter walks this very tree instead of a re-parse of its serialisation
        return parseHtml(bytes, PageCharset.of(bytes, charset), deadline);
    }

    private static Document parseHtml(byte[] bytes, Charset charset, Deadline deadline) {
        try {
            InputStream in = deadline.guard(new ByteArrayInputStream(bytes), "decoding the HTML");
            return Jsoup.parse(in, charset.name(), "");
        } catch (LimitExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.unreadableBody("the HTML could not be decoded: " + e.getMessage());
        }
    }

    /**
     * Text decoded strictly, as batch and Spark read it ({@link PageCharset#decodeStrictly}): a
     * byte-order mark, else the Content-Type's charset, else UTF-8; a byte sequence that is not
     * valid in that charset is refused, not guessed.
     */
    private static String text(byte[] bytes, Charset declared) {
        try {
            return PageCharset.decodeStrictly(bytes, declared);
        } catch (UndecodableTextException e) {
            throw ProblemException.unreadableBody("the body is " + e.getMessage()
                    + "; name the right charset in the Content-Type, e.g. text/plain; charset=windows-1252");
        }
    }

    private static CleanRequest json(byte[] bytes, OptionValues query) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidJson("the body is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        } catch (IOException e) {
            throw ProblemException.invalidJson("the body is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalidJson("the JSON body must be an object: {\"html\": \"...\"} or {\"text\": \"...\"}, "
                    + "with optional \"drop\", \"format\" and \"blocks\"");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!JSON_FIELDS.contains(name)) {
                throw ProblemException.invalidJson("unknown field '" + name + "'; expected html or text, and optionally drop, format, blocks");
            }
        }
        JsonNode html = root.get("html");
        JsonNode text = root.get("text");
        if (html != null && text != null) {
            throw ProblemException.invalidJson("send either \"html\" or \"text\", not both");
        }
        if (html == null && text == null) {
            throw ProblemException.invalidJson("the JSON body has neither \"html\" nor \"text\"");
        }
        String field = html != null ? "html" : "text";
        JsonNode content = html != null ? html : text;
        if (!content.isTextual()) {
            throw ProblemException.invalidJson("\"" + field + "\" must be a string, not " + kind(content));
        }
        if (content.asText().isBlank()) {
            throw ProblemException.emptyBody("\"" + field + "\" is empty");
        }
        OptionValues options = query;
        JsonNode drop = root.get("drop");
        if (drop != null && !drop.isNull()) {
            options = options.withDrop(dropValue(drop));
        }
        JsonNode format = root.get("format");
        if (format != null && !format.isNull()) {
            if (!format.isTextual()) {
                throw ProblemException.invalidJson("\"format\" must be a string (text, html or markdown), not " + kind(format));
            }
            options = options.withFormat(format.asText());
        }
        JsonNode blocks = root.get("blocks");
        if (blocks != null && !blocks.isNull()) {
            if (!blocks.isBoolean()) {
                throw ProblemException.invalidJson("\"blocks\" must be true or false, not " + kind(blocks));
            }
            options = options.withBlocks(Boolean.toString(blocks.booleanValue()));
        }
        String value = content.asText();
        return new CleanRequest(html != null ? Input.html(value) : Input.text(value), options.toCleanOptions());
    }

    private static List<String> dropValue(JsonNode drop) {
        if (drop.isTextual()) {
            return OptionValues.commaSeparated(drop.asText());
        }
        if (drop.isArray()) {
            List<String> labels = new ArrayList<>();
            for (JsonNode label : drop) {
                if (!label.isTextual()) {
                    throw ProblemException.invalidJson("\"drop\" must hold label names as strings, not " + kind(label));
                }
                labels.add(label.asText());
            }
            return labels;
        }
        throw ProblemException.invalidJson("\"drop\" must be a comma-separated string or an array of labels, not " + kind(drop));
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
