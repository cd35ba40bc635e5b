package dev.winnow.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The playground's files as the server hands them out: the page at {@code /}, its policy, and
 * what the files may not contain (a request to another origin, HTML built from strings).
 * The browser test ({@link PlaygroundPageTest}) drives the page itself.
 */
@QuarkusTest
class PlaygroundResourcesTest {

    private static final String[] FILES = {
        "index.html", "playground.js", "playground.css", "preview.css", "favicon.svg", "examples/belarus-eu-sanctions.txt"};

    @Test
    void servesThePlaygroundAtTheRoot() {
        given().when().get("/").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<form id=\"clean-form\""))
                .body(containsString("<script src=\"playground.js\" defer></script>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/playground.js", "/playground.css", "/preview.css", "/favicon.svg",
        "/examples/belarus-eu-sanctions.txt"})
    void everyFileOfThePageAllowsOnlyItsOwnOrigin(String path) {
        given().when().get(path).then()
                .statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'self'; frame-src 'self'; img-src 'self' data:; "
                        + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void leavesTheApiAndQuarkusPagesToTheirOwnHeaders() {
        given().when().get("/v1/labels").then().statusCode(200).header("Content-Security-Policy", nullValue());
        given().when().get("/q/health/live").then().header("Content-Security-Policy", nullValue());
    }

    @Test
    void bundlesTheExampleArticleOfLabelsMd() {
        assertEquals(resource("/examples/belarus-eu-sanctions.txt"),
                given().when().get("/examples/belarus-eu-sanctions.txt").then().statusCode(200).extract().asString());
    }

    @Test
    void neverBuildsMarkupFromStrings() {
        String script = resource("/META-INF/resources/playground.js");
        for (String sink : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
            "new Function", "setTimeout('", "setTimeout(\""}) {
            assertFalse(script.contains(sink), () -> "playground.js uses " + sink + "; build the DOM with textContent");
        }
        assertTrue(script.contains("sandbox") || resource("/META-INF/resources/index.html").contains("sandbox=\"\""),
                "the cleaned HTML is shown in a sandboxed frame");
    }

    @Test
    void loadsNothingFromAnotherOrigin() {
        Pattern absolute = Pattern.compile("(?i)(?:src|href|url|fetch|action)\\s*[=(:]\\s*['\"]?\\s*(?:https?:)?//");
        for (String file : FILES) {
            String text = resource("/META-INF/resources/" + file);
            Matcher matcher = absolute.matcher(text);
            assertFalse(matcher.find(), () -> file + " refers to another origin: " + matcher.group());
        }
        String page = resource("/META-INF/resources/index.html");
        assertFalse(page.contains("<script>") || page.contains("style=\""), "index.html has inline script or style");
    }

    private static String resource(String path) {
        try (InputStream in = PlaygroundResourcesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
