package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The smaller refusals of issue 16: a declared length the server will not read, a JSON body's
 * charset, gzip data with something after it, and what the batch endpoint's description says
 * about blank lines. Each is a problem+json with a detail, never an empty body or a 200.
 */
@QuarkusTest
class ServerRefusalsTest {

    static final String CLEAN = CleanResourceTest.CLEAN;

    /** A 2 GB Content-Length is refused before a byte is read, as a problem (before: an empty 413 from the server). */
    @Test
    void aDeclaredTwoGigabyteBodyIsA413Problem() {
        for (String path : new String[] {CLEAN, "/v1/clean/batch"}) {
            try (RawSocket client = new RawSocket(10_000)) {
                String type = path.equals(CLEAN) ? "text/html" : "application/x-ndjson";
                client.send(RawSocket.head(path, type, "Content-Length: 2147483648"));
                client.send("<p>the first bytes of a great deal".getBytes(StandardCharsets.US_ASCII));
                String answer = client.answer();
                assertEquals(413, RawSocket.status(answer), answer);
                assertTrue(answer.contains("application/problem+json") && answer.contains("urn:winnow:problem:body-too-large")
                        && answer.contains("2147483648"), answer);
                assertTrue(answer.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"),
                        "the rest of the body is not read, so no client may reuse the connection: " + answer);
            }
        }
    }

    /** The charset of a JSON body is honoured: UTF-16 is read as UTF-16, an unknown one is a 400 problem (before: ignored, 200). */
    @Test
    void aJsonBodysCharsetIsHonoured() {
        String json = "{\"text\": \"Zürich’s council met on Tuesday.\"}";
        JsonNode utf8 = RawHttp.json(RawHttp.post(CLEAN + "?drop=", "application/json", json));
        JsonNode utf16 = RawHttp.json(RawHttp.post(CLEAN + "?drop=", "application/json; charset=UTF-16",
                json.getBytes(StandardCharsets.UTF_16)));
        assertEquals(utf8.path("text").asText(), utf16.path("text").asText());
        JsonNode unknown = RawHttp.assertProblem(RawHttp.post(CLEAN, "application/json; charset=foo", json), 400,
                "urn:winnow:problem:unreadable-body");
        assertTrue(unknown.path("detail").asText().contains("foo"), unknown.toString());
        // Latin-1 bytes named as such are read as such; as UTF-8 they are not valid
        byte[] latin1 = json.replace('’', '\'').getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(RawHttp.json(RawHttp.post(CLEAN + "?drop=", "application/json; charset=ISO-8859-1", latin1))
                .path("text").asText().contains("Zürich"));
    }

    /** Bytes after the gzip data are refused (before: dropped without a word, 200). */
    @Test
    void gzipDataWithTrailingGarbageIsA400() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("A line of text.".getBytes(StandardCharsets.UTF_8));
        }
        byte[] gzip = out.toByteArray();
        assertEquals(200, RawHttp.post(CLEAN, "text/plain", gzip, "Content-Encoding", "gzip").statusCode());
        byte[] garbage = Arrays.copyOf(gzip, gzip.length + 7);
        System.arraycopy("garbage".getBytes(StandardCharsets.US_ASCII), 0, garbage, gzip.length, 7);
        JsonNode problem = RawHttp.assertProblem(RawHttp.post(CLEAN, "text/plain", garbage, "Content-Encoding", "gzip"), 400,
                "urn:winnow:problem:unreadable-body");
        assertTrue(problem.path("detail").asText().contains("7 bytes follow the gzip data"), problem.toString());
        // two members one after the other are one gzip stream (RFC 1952), and fine
        byte[] twice = Arrays.copyOf(gzip, 2 * gzip.length);
        System.arraycopy(gzip, 0, twice, gzip.length, gzip.length);
        assertEquals(200, RawHttp.post(CLEAN, "text/plain", twice, "Content-Encoding", "gzip").statusCode());
        // cut short
        RawHttp.assertProblem(RawHttp.post(CLEAN, "text/plain", Arrays.copyOf(gzip, gzip.length - 4),
                "Content-Encoding", "gzip"), 400, "urn:winnow:problem:unreadable-body");
    }

    /** Every spelling of the path that reaches the resource has its body read first (a matrix parameter gave a 500). */
    @Test
    void everySpellingOfThePathIsReadLikeThePlainOne() {
        String plain = RawHttp.json(RawHttp.post(CLEAN, "text/plain", "A line of text.")).path("text").asText();
        for (String path : new String[] {CLEAN + "/", CLEAN + "//", "//v1/clean", "/v1/./clean", CLEAN + ";x=1", "/v1;y=2/clean;x=1/"}) {
            try (RawSocket client = new RawSocket(10_000)) {
                client.send(RawSocket.head(path, "text/plain", "Content-Length: 15"));
                client.send("A line of text.".getBytes(StandardCharsets.US_ASCII));
                String answer = client.answer();
                int status = RawSocket.status(answer);
                assertTrue(status == 200 && answer.contains(plain) || status == 404, path + ": " + answer);
            }
        }
    }

    /** Blank NDJSON lines give no record, and the API's description says so (before: "one line per input line"). */
    @Test
    void theBatchDescriptionAndItsAnswerAgreeOnBlankLines() throws Exception {
        String body = "{\"id\": 1, \"text\": \"One.\"}\n\n   \n{\"id\": 2, \"text\": \"Two.\"}\n";
        String answer = Api.body("application/x-ndjson", body).post("/v1/clean/batch").then().statusCode(200).extract().asString();
        assertEquals(2, answer.lines().count(), answer);
        JsonNode openApi = new ObjectMapper().readTree(Api.request().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        String description = openApi.path("paths").path("/v1/clean/batch").path("post").path("description").asText();
        assertTrue(description.contains("A blank line") && description.contains("gives no output line"), description);
        assertTrue(!description.contains("one line per input line"), description);
    }
}
