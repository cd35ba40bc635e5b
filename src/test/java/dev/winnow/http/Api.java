package dev.winnow.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the API tests share: requests that send bytes as they are, fixtures, the problem shape. */
final class Api {
    private Api() {
    }

    /**
     * REST Assured would otherwise add {@code charset=ISO-8859-1} to a text Content-Type that
     * has none, and re-encode string bodies: the tests send exact bytes and exact headers.
     */
    static final RestAssuredConfig RAW = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /**
     * The URL of a path on the management interface (health, metrics), whose test port a
     * build may set with -Dquarkus.management.test-port.
     */
    static String management(String path) {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        return "http://localhost:" + port + path;
    }

    static RequestSpecification request() {
        return given().config(RAW);
    }

    /** A POST /v1/clean request with this Content-Type and body, not yet sent. */
    static RequestSpecification body(String contentType, byte[] body) {
        return request().contentType(contentType).body(body);
    }

    static RequestSpecification body(String contentType, String utf8) {
        return body(contentType, utf8.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] fixture(String path) {
        try (InputStream in = Api.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test fixture " + path + " is missing from src/test/resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixtureText(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    /** The text with its trailing line breaks removed. */
    static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * Asserts an RFC 7807 answer: the status, the problem+json type, every member, the problem
     * type, and that nothing of a stack trace leaked.
     */
    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type, String instance) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(type))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()))
                .body("instance", equalTo(instance));
        String body = response.extract().asString();
        for (String trace : new String[] {"Exception", "\tat ", "\\tat ", "at dev.winnow", "at io.quarkus", ".java:"}) {
            assertFalse(body.contains(trace), () -> "the problem leaks a stack trace (" + trace.strip() + "): " + body);
        }
        return response;
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
        return assertProblem(response, status, type, "/v1/clean");
    }
}
