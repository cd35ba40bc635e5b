package dev.winnow.http;

import static dev.winnow.http.Api.body;
import static dev.winnow.http.Api.fixture;
import static dev.winnow.http.Api.fixtureText;
import static dev.winnow.http.Api.stripTrailingNewlines;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The example of LABELS.md: a Moscow Times article whose last eight lines are one donation
 * appeal. The service must return the article and nothing of the appeal, line for line.
 */
@QuarkusTest
class BelarusDonationAppealTest {

    private static final String ARTICLE = "examples/belarus-eu-sanctions.txt";
    private static final String EXPECTED = "examples/belarus-eu-sanctions.expected.txt";
    /** The same article as a page, the appeal in an aside after it. */
    private static final String PAGE = "pages/donation-appeal-after-article.html";

    @Test
    void returnsExactlyTheArticleWithoutTheAppeal() {
        String cleaned = body("text/plain", fixture(ARTICLE)).accept("text/plain")
                .post("/v1/clean").then().statusCode(200).contentType(startsWith("text/plain")).extract().asString();
        assertEquals(stripTrailingNewlines(fixtureText(EXPECTED)), stripTrailingNewlines(cleaned),
                () -> "the cleaned article differs from " + EXPECTED + describeBlocks());
    }

    @Test
    void thePageVersionAlsoLosesTheWholeAppealAndNothingElse() {
        String cleaned = body("text/html", fixture(PAGE)).accept("text/plain")
                .post("/v1/clean").then().statusCode(200).extract().asString();
        assertEquals(stripTrailingNewlines(fixtureText(EXPECTED)), stripTrailingNewlines(cleaned),
                () -> "the cleaned page differs from " + EXPECTED + describe(body("text/html", fixture(PAGE))
                        .accept("application/json").post("/v1/clean?blocks=true").then().extract().jsonPath()));
    }

    /** The appeal must be found by what it says: moved to follow the article's 15th line, it still goes, and only it. */
    @Test
    void theAppealMovedIntoTheArticleIsFoundByWhatItSays() {
        List<String> lines = fixtureText(ARTICLE).lines().filter(l -> !l.isBlank()).toList();
        assertEquals(38, lines.size(), "the example is 30 article lines and an 8-line appeal");
        List<String> moved = new ArrayList<>(lines.subList(0, 15));
        moved.addAll(lines.subList(30, 38));
        moved.addAll(lines.subList(15, 30));
        String text = String.join("\n", moved) + "\n";
        String cleaned = body("text/plain", text.getBytes(StandardCharsets.UTF_8)).accept("text/plain")
                .post("/v1/clean").then().statusCode(200).extract().asString();
        assertEquals(stripTrailingNewlines(fixtureText(EXPECTED)), stripTrailingNewlines(cleaned),
                () -> "with the appeal after line 15, the cleaned article differs from " + EXPECTED
                        + describe(body("text/plain", text.getBytes(StandardCharsets.UTF_8)).accept("application/json")
                                .post("/v1/clean?blocks=true").then().extract().jsonPath()));
    }

    @Test
    void thePageWithTheAppealInsideTheArticleLosesTheAppealAndNothingElse() {
        Document page = Jsoup.parse(fixtureText(PAGE));
        Element appeal = page.selectFirst("aside.donation-appeal");
        Element fifteenth = page.selectFirst("article").child(14);
        appeal.remove();
        fifteenth.after(appeal);
        byte[] html = page.outerHtml().getBytes(StandardCharsets.UTF_8);
        String cleaned = body("text/html", html).accept("text/plain").post("/v1/clean").then().statusCode(200).extract().asString();
        assertEquals(stripTrailingNewlines(fixtureText(EXPECTED)), stripTrailingNewlines(cleaned),
                () -> "with the appeal inside the article, the cleaned page differs from " + EXPECTED
                        + describe(body("text/html", html).accept("application/json").post("/v1/clean?blocks=true").then().extract().jsonPath()));
    }

    @Test
    void labelsTheEightLinesOfTheAppealAsDonation() {
        JsonPath json = body("text/plain", fixture(ARTICLE)).accept("application/json")
                .post("/v1/clean?blocks=true").then().statusCode(200).extract().jsonPath();
        assertEquals(8, json.getInt("labels.donation"), () -> "labels " + json.getMap("labels") + describe(json));
    }

    private static String describeBlocks() {
        return describe(body("text/plain", fixture(ARTICLE)).accept("application/json")
                .post("/v1/clean?blocks=true").then().extract().jsonPath());
    }

    private static String describe(JsonPath json) {
        List<Map<String, Object>> blocks = json.getList("blocks");
        return blocks.stream()
                .map(b -> String.format("%-11s %.3f %s | %s", b.get("label"), ((Number) b.get("score")).doubleValue(),
                        Boolean.TRUE.equals(b.get("kept")) ? "kept   " : "dropped", b.get("text")))
                .collect(Collectors.joining("\n", "\nblocks as labelled by model " + json.getString("model") + ":\n", ""));
    }
}
