package dev.winnow.http;

import static dev.winnow.http.RawHttp.assertProblem;
import static dev.winnow.http.RawHttp.json;
import static dev.winnow.http.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Pathological bodies get a correct result or a clear 4xx: never a 500, a hung worker or an
 * out-of-memory error. Every input is generated here; none is larger than the 10 MiB body limit
 * allows unless the test is about the 413.
 */
@QuarkusTest
class HostileInputTest {

    static final String CLEAN = "/v1/clean";
    static final String BATCH = "/v1/clean/batch";
    static final String ARTICLE = "The council approved the new budget on Tuesday after a long debate about school funding.";

    @Inject
    WinnowConfig config;

    @Inject
    LimitsConfig limits;

    /** The cleaned text of a 200 answer. */
    private static String text(HttpResponse<String> response) {
        return json(response).path("text").asText();
    }

    private static int blockCount(JsonNode answer) {
        int n = 0;
        for (JsonNode count : answer.path("labels")) {
            n += count.asInt();
        }
        return n;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // --- structure ---

    @Test
    void sixtyThousandNestedDivsAreCleanedWithTheirText() {
        String page = "<div>".repeat(60_000) + "<p>" + ARTICLE + "</p>" + "</div>".repeat(60_000);
        assertTrue(text(post(CLEAN + "?drop=&format=html", "text/html", page)).contains(ARTICLE));
    }

    @Test
    void aHundredThousandTinyBlocksAreRefusedWith422() {
        JsonNode problem = assertProblem(post(CLEAN, "text/html", "<p>a</p>".repeat(100_000)),
                422, "urn:winnow:problem:document-too-large");
        assertTrue(problem.path("detail").asText().contains(Integer.toString(config.maxBlocks())), problem.toString());
    }

    // --- size ---

    @Test
    void aTenMegabyteTextNodeWithinTheBodyLimitIsOneBlock() {
        int chars = 10_000_000;
        assertTrue(chars + 7 <= config.maxBodyBytes(), "the page must fit the body limit");
        HttpResponse<String> response = post(CLEAN + "?drop=", "text/html", ascii("<p>" + "a".repeat(chars) + "</p>"),
                "Accept", "text/plain");
        assertEquals(200, response.statusCode());
        assertEquals(chars, response.body().length());
        assertTrue(response.body().chars().allMatch(c -> c == 'a'));
    }

    @Test
    void aTextNodeOneByteOverTheBodyLimitIs413() {
        int chars = (int) config.maxBodyBytes() - 6;
        assertProblem(post(CLEAN, "text/html", ascii("<p>" + "a".repeat(chars) + "</p>")), 413, "urn:winnow:problem:body-too-large");
        // the server closes this connection once the body is in; the same client's next request must not be sent on it
        assertEquals(ARTICLE, text(post(CLEAN + "?drop=", "text/plain", ARTICLE)));
    }

    // --- bytes ---

    @Test
    void twoMegabytesOfRandomBytesAreCleanedAsHtmlAndRefusedAsTextOrJson() {
        byte[] noise = new byte[2 * 1024 * 1024];
        new Random(20240601).nextBytes(noise);
        // about 7,700 blocks of mojibake: cleaned under the default block limit, 422 under a smaller one
        HttpResponse<String> html = post(CLEAN + "?drop=", "text/html", noise, "Accept", "text/plain");
        if (html.statusCode() == 422) {
            assertProblem(html, 422, "urn:winnow:problem:document-too-large");
            assertTrue(config.maxBlocks() < 10_000, "422 although the block limit is " + config.maxBlocks());
        } else {
            assertEquals(200, html.statusCode(), html.body());
            assertFalse(html.body().isBlank(), "random bytes still hold some text");
        }
        assertProblem(post(CLEAN, "text/plain", noise), 400, "urn:winnow:problem:unreadable-body");
        assertProblem(post(CLEAN, "application/json", noise), 400, "urn:winnow:problem:invalid-json");
    }

    @Test
    void invalidUtf8IsRefusedAsTextAndReplacedInHtml() {
        // a truncated sequence, an overlong '/', a lone surrogate
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        JsonNode problem = assertProblem(post(CLEAN, "text/plain", concat(ascii("Before "), bad, ascii(" after"))),
                400, "urn:winnow:problem:unreadable-body");
        assertTrue(problem.path("detail").asText().contains("at byte 7"), problem.toString());
        String out = text(post(CLEAN + "?drop=", "text/html; charset=utf-8", concat(ascii("<p>Before "), bad, ascii(" after</p>"))));
        assertTrue(out.startsWith("Before ") && out.endsWith(" after"), out);
        assertTrue(out.contains("\ufffd"), "malformed bytes become U+FFFD: " + out);
        assertFalse(out.contains("/"), "an overlong encoding must never decode to the character it hides: " + out);
    }

    @Test
    void aMetaCharsetThatCannotBeTrueIsIgnored() {
        for (String lie : new String[] {"utf-16", "UTF-16LE", "utf-32", "IBM037", "x-no-such-charset"}) {
            String page = "<html><head><meta charset=\"" + lie + "\"></head><body><p>" + ARTICLE + "</p></body></html>";
            assertEquals(ARTICLE, text(post(CLEAN + "?drop=", "text/html", ascii(page))), "meta charset " + lie);
        }
    }

    @Test
    void aMetaCharsetIsFollowedUnlessTheBytesAreUtf8() {
        // UTF-8 bytes under a windows-1252 meta: a page saved re-encoded, read as the UTF-8 it is
        byte[] saved = "<meta charset=\"windows-1252\"><p>Caf\u00e9 society</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals("Caf\u00e9 society", text(post(CLEAN + "?drop=", "text/html", saved)));
        // windows-1252 bytes, which are not UTF-8, under the same meta: read as the meta says
        byte[] legacy = "<meta charset=\"windows-1252\"><p>Caf\u00e9 society \u2013 na\u00efve</p>".getBytes(Charset.forName("windows-1252"));
        assertEquals("Caf\u00e9 society \u2013 na\u00efve", text(post(CLEAN + "?drop=", "text/html", legacy)));
        // the Content-Type's charset wins over both: the caller knows what it sent
        assertEquals("Caf\u00c3\u00a9 society", text(post(CLEAN + "?drop=", "text/html; charset=windows-1252", saved)));
    }

    @Test
    void aBodyOfNulBytesHasNoBlocks() {
        byte[] nul = new byte[1024 * 1024];
        for (String type : new String[] {"text/plain", "text/html"}) {
            JsonNode answer = json(post(CLEAN + "?drop=", type, nul));
            assertEquals("", answer.path("text").asText(), type);
            assertEquals(0, blockCount(answer), type);
        }
        assertEquals(ARTICLE, text(post(CLEAN + "?drop=", "text/html", "<p>" + ARTICLE + "\0\0\0</p>")));
    }

    // --- Content-Encoding ---

    @Test
    void aGzippedBodyIsInflatedAndCleanedLikeThePlainOne() throws IOException {
        byte[] page = ("<html><body><h1>Budget</h1><p>" + ARTICLE + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        String plain = text(post(CLEAN + "?drop=", "text/html", page));
        String gzipped = text(post(CLEAN + "?drop=", "text/html", gzip(page), "Content-Encoding", "gzip"));
        assertEquals(plain, gzipped);
        assertTrue(gzipped.contains(ARTICLE), gzipped);
    }

    @Test
    void aGzipBombIsRefusedWith413WithoutInflatingIt() throws IOException {
        // 400 gzip members of 1 MiB of zeros each: about 400 KB that inflate to 400 MiB
        byte[] member = gzip(new byte[1024 * 1024]);
        byte[] bomb = new byte[member.length * 400];
        for (int i = 0; i < 400; i++) {
            System.arraycopy(member, 0, bomb, i * member.length, member.length);
        }
        assertTrue(bomb.length < 500_000, "the bomb is " + bomb.length + " bytes");
        long start = System.nanoTime();
        JsonNode problem = assertProblem(post(CLEAN, "text/html", bomb, "Content-Encoding", "gzip"),
                413, "urn:winnow:problem:decompressed-body-too-large");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(problem.path("detail").asText().contains("winnow.max-decompressed-bytes"), problem.toString());
        assertTrue(millis < 5_000, "refusing the bomb took " + millis + " ms");
        assertEquals(config.maxBodyBytes(), limits.maxDecompressedBytes(), "the documented default");
        assertFalse(ConfigProvider.getConfig().getOptionalValue("quarkus.http.enable-decompression", Boolean.class).orElse(false),
                "the HTTP server must not inflate bodies before winnow's limit applies");
    }

    @Test
    void otherContentEncodingsAreRefusedWith415NamingGzip() {
        for (String encoding : new String[] {"br", "deflate", "compress", "gzip, gzip", "zstd"}) {
            HttpResponse<String> response = post(CLEAN, "text/html", "<p>x</p>", "Content-Encoding", encoding);
            assertProblem(response, 415, "urn:winnow:problem:unsupported-content-encoding");
            assertTrue(response.headers().firstValue("Accept-Encoding").orElse("").contains("gzip"), encoding);
        }
        assertEquals(ARTICLE, text(post(CLEAN + "?drop=", "text/html", "<p>" + ARTICLE + "</p>", "Content-Encoding", "identity")));
    }

    @Test
    void aBodyThatIsNotGzipUnderAGzipHeaderIs400() {
        JsonNode problem = assertProblem(post(CLEAN, "text/html", "<p>not compressed</p>", "Content-Encoding", "gzip"),
                400, "urn:winnow:problem:unreadable-body");
        assertTrue(problem.path("detail").asText().contains("gzip"), problem.toString());
    }

    @Test
    void theBatchEndpointRefusesCompressedBodies() throws IOException {
        byte[] ndjson = gzip("{\"text\": \"one line\"}\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = post(BATCH, BatchResource.NDJSON, ndjson, "Content-Encoding", "gzip");
        assertProblem(response, 415, "urn:winnow:problem:unsupported-content-encoding");
        assertEquals("identity", response.headers().firstValue("Accept-Encoding").orElse(""));
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
