package dev.winnow.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchResourceTest {

    static final String BATCH = "/v1/clean/batch";
    static final String NDJSON = "application/x-ndjson";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ARTICLE = resource("/examples/belarus-eu-sanctions.txt");
    static final List<String> LABELS = List.of("editorial", "boilerplate", "promo", "paywall", "donation");

    @TestHTTPResource(BATCH)
    URI batchUri;

    @Test
    void aBadLineBecomesAnErrorRecordInPlaceAndTheOthersAreCleaned() {
        String body = String.join("\n",
                record("id", "a", "text", ARTICLE, "source", "wire"),
                "{\"id\": \"b\", \"text\": ",
                record("id", "c", "title", "no document"),
                record("id", "d", "html", "<article><p>" + ARTICLE.lines().findFirst().orElseThrow() + "</p></article>"),
                "");

        String response = body(NDJSON, body).post(BATCH)
                .then().statusCode(200).contentType(startsWith(NDJSON)).extract().asString();

        List<JsonNode> records = lines(response);
        assertEquals(4, records.size(), response);
        assertCleaned(records.get(0), "a");
        assertEquals("wire", records.get(0).path("source").asText(), "other fields pass through");
        assertTrue(records.get(1).path("error").asText().startsWith("not valid JSON"), records.get(1).toString());
        assertEquals(2, records.get(1).path("line").asInt());
        assertTrue(records.get(2).path("error").asText().contains("no \"html\" or \"text\" field"), records.get(2).toString());
        assertEquals(3, records.get(2).path("line").asInt());
        assertEquals("c", records.get(2).path("id").asText(), "the id is passed through into the error record");
        assertCleaned(records.get(3), "d");
    }

    @Test
    void optionsComeFromTheQueryAsInPostClean() {
        String body = record("id", "x", "text", ARTICLE) + "\n";

        String response = body(NDJSON, body).post(BATCH + "?blocks=true&drop=").then().statusCode(200).extract().asString();

        JsonNode record = lines(response).get(0);
        JsonNode blocks = record.path("blocks");
        assertEquals(ARTICLE.lines().filter(l -> !l.isBlank()).count(), blocks.size(), record.toString());
        for (JsonNode b : blocks) {
            assertTrue(b.path("kept").asBoolean(), "drop= drops nothing: " + b);
            assertTrue(LABELS.contains(b.path("label").asText()), b.toString());
        }
    }

    @Test
    void fieldNamesComeFromTheQuery() {
        String body = record("id", "x", "content", ARTICLE) + "\n";
        String response = body(NDJSON, body).post(BATCH + "?text-field=content").then().statusCode(200).extract().asString();
        assertCleaned(lines(response).get(0), "x");
    }

    @Test
    void anUnknownLabelIsA400Problem() {
        body(NDJSON, record("text", "x")).post(BATCH + "?drop=adverts").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:winnow:problem:invalid-option"))
                .body("status", equalTo(400))
                .body("instance", equalTo(BATCH));
    }

    @Test
    void anotherContentTypeIsA415() {
        body("application/json", record("text", "x")).post(BATCH).then().statusCode(415);
    }

    /**
     * The answer starts while the request is still being sent: the first lines come back before
     * the last line is written, so a client can send a corpus of any size through one request.
     */
    @Test
    void recordsStreamBackBeforeTheRequestBodyEnds() throws IOException {
        try (Socket socket = new Socket(batchUri.getHost(), batchUri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + BATCH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + NDJSON
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                first.append(record("id", "early-" + i, "text", ARTICLE)).append('\n');
            }
            chunk(out, first.toString());

            InputStream in = socket.getInputStream();
            String seen = readUntil(in, "early-0");
            assertTrue(seen.startsWith("HTTP/1.1 200"), seen);
            assertTrue(seen.contains("\"id\":\"early-0\""), "the first record came back while the request was open: " + seen);

            chunk(out, record("id", "late", "text", "A line sent after the first answer.") + "\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String rest = seen + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(rest.contains("\"id\":\"late\""), rest);
            assertTrue(rest.indexOf("early-2") < rest.indexOf("\"late\""), "in input order");
        }
    }

    // --- helpers ---

    /** A request with exactly these bytes and this Content-Type (REST Assured adds no charset). */
    private static RequestSpecification body(String contentType, String utf8) {
        return given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static String resource(String path) {
        try (InputStream in = BatchResourceTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from src/test/resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.write(buffer, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    static void assertCleaned(JsonNode record, String id) {
        assertNull(record.get("error"), () -> "expected a cleaned record, got " + record);
        assertEquals(id, record.path("id").asText(), record.toString());
        assertTrue(record.path("clean").isTextual(), record.toString());
        List<String> labels = new ArrayList<>();
        record.path("labels").fieldNames().forEachRemaining(labels::add);
        assertEquals(LABELS, labels, record.toString());
        assertFalse(record.has("text") || record.has("html"), "the document is not echoed: " + record);
    }

    static List<JsonNode> lines(String ndjson) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return out;
    }

    static String record(String... pairs) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o.toString();
    }
}
