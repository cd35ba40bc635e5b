package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Requests with large bodies, through the JDK's HTTP client: REST Assured spends seconds on a
 * body of a megabyte (it copies and scans it several times), which would swamp what the
 * hardening tests measure. The port is the one Quarkus gave REST Assured.
 */
final class RawHttp {
    private RawHttp() {
    }

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + RestAssured.port + pathAndQuery);
    }

    /**
     * POSTs the body and returns the answer as UTF-8 text.
     *
     * @param headers more headers, as name, value, name, value...
     */
    static HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String pathAndQuery, String contentType, String body, String... headers) {
        return post(pathAndQuery, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Asserts a problem+json answer of this status and type, and returns it parsed. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> "Content-Type " + response.headers().firstValue("Content-Type"));
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(type, problem.path("type").asText(), response.body());
        assertEquals(status, problem.path("status").asInt(), response.body());
        assertTrue(!problem.path("detail").asText().isBlank(), response.body());
        return problem;
    }

    static JsonNode json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
