package dev.winnow.http;

import static dev.winnow.http.Api.assertProblem;
import static dev.winnow.http.Api.body;
import static dev.winnow.http.Api.fixture;
import static dev.winnow.http.Api.fixtureText;
import static dev.winnow.http.Api.request;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CleanResourceTest {

    static final String CLEAN = "/v1/clean";
    static final String ARTICLE_TXT = "examples/belarus-eu-sanctions.txt";
    static final String ARTICLE_HTML = "pages/donation-appeal-after-article.html";
    static final String GARLIC_HTML = "pages/headings-list-and-script.html";
    static final List<String> LABELS = List.of("editorial", "boilerplate", "promo", "paywall", "donation");
    static final String ALL_LABELS = String.join(",", LABELS);

    static final String LEAD = "The European Union on Wednesday rejected the result of Belarus's disputed presidential election";
    static final String APPEAL = "Your support, no matter how small, makes a world of difference.";

    @Inject
    WinnowConfig config;

    @TestHTTPResource(CLEAN)
    URI cleanUri;

    private static JsonPath cleanJson(String contentType, byte[] bytes, String query) {
        return body(contentType, bytes).accept("application/json")
                .when().post(CLEAN + query)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .extract().jsonPath();
    }

    private static List<String> nonBlankLines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static String describe(List<Map<String, Object>> blocks) {
        return blocks.stream().map(b -> b.get("label") + " " + b.get("score") + " kept=" + b.get("kept") + " | " + b.get("text"))
                .collect(Collectors.joining("\n", "\nblocks:\n", ""));
    }

    // --- content types ---

    @Test
    void aSavedPageIsReadAsTheUtf8ItIsAndNotAsItsStaleMetaSays() {
        // a Gazeta Wyborcza page saved as UTF-8 under its site's ISO-8859-2 meta (Apache-2.0, pages/news/NOTICE.md), sent gzipped as it is stored
        String text = body("text/html", fixture("pages/news/wyborcza-lotos.html.gz")).header("Content-Encoding", "gzip")
                .accept("application/json").when().post(CLEAN + "?drop=")
                .then().statusCode(200).extract().jsonPath().getString("text");
        assertTrue(text.contains("Kup dost\u0119p i do\u0142\u0105cz do grona prenumerator\u00f3w"), text);
        assertTrue(text.contains("Nowym prezesem zarz\u0105du Grupy Lotos"), text);
        assertFalse(text.contains("\u00c4\u0099"), "no letter read as two");
    }

    @Test
    void htmlPageKeepsTheArticleAndDropsTheDonationAppeal() {
        JsonPath json = cleanJson("text/html", fixture(ARTICLE_HTML), "?blocks=true");
        String text = json.getString("text");
        List<Map<String, Object>> blocks = json.getList("blocks");
        assertTrue(text.contains(LEAD), () -> "the lead paragraph is missing from the output" + describe(blocks));
        assertFalse(text.contains(APPEAL), () -> "the donation appeal is still in the output" + describe(blocks));
        assertFalse(text.contains("Remind me later."), () -> "the appeal's button is still in the output" + describe(blocks));
    }

    @Test
    void textWithNothingDroppedComesBackLineForLine() {
        String article = fixtureText(ARTICLE_TXT);
        JsonPath json = cleanJson("text/plain", article.getBytes(StandardCharsets.UTF_8), "?drop=");
        assertEquals(String.join("\n", nonBlankLines(article)), json.getString("text"));
        int total = LABELS.stream().mapToInt(l -> json.getInt("labels." + l)).sum();
        assertEquals(nonBlankLines(article).size(), total, "every line is one labelled block");
    }

    @Test
    void textLinesKeepTheirExactCharacters() {
        String sent = "  An indented line with  two spaces\r\nA line with a\ttab and a trailing space \r\n\r\n\u00a0Caf\u00e9 \u2014 \u00fcber\n";
        String text = cleanJson("text/plain", sent.getBytes(StandardCharsets.UTF_8), "?drop=").getString("text");
        assertEquals("  An indented line with  two spaces\nA line with a\ttab and a trailing space \n\u00a0Caf\u00e9 \u2014 \u00fcber", text);
    }

    @Test
    void jsonWithHtmlGivesTheSameAnswerAsAnHtmlBody() throws Exception {
        String page = fixtureText(ARTICLE_HTML);
        JsonPath direct = cleanJson("text/html", page.getBytes(StandardCharsets.UTF_8), "");
        String request = new ObjectMapper().writeValueAsString(Map.of("html", page));
        JsonPath viaJson = cleanJson("application/json", request.getBytes(StandardCharsets.UTF_8), "");
        assertEquals(direct.getString("text"), viaJson.getString("text"));
        assertEquals(direct.getMap("labels"), viaJson.getMap("labels"));
    }

    @Test
    void jsonWithTextGivesTheSameAnswerAsATextBody() throws Exception {
        String article = fixtureText(ARTICLE_TXT);
        JsonPath direct = cleanJson("text/plain", article.getBytes(StandardCharsets.UTF_8), "");
        String request = new ObjectMapper().writeValueAsString(Map.of("text", article));
        JsonPath viaJson = cleanJson("application/json", request.getBytes(StandardCharsets.UTF_8), "");
        assertEquals(direct.getString("text"), viaJson.getString("text"));
        assertEquals(direct.getMap("labels"), viaJson.getMap("labels"));
    }

    // --- charsets ---

    @Test
    void htmlCharsetComesFromThePageMetaWhenTheContentTypeNamesNone() {
        byte[] page = "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u00e9 cr\u00e8me \u2013 na\u00efve</p></body></html>"
                .getBytes(Charset.forName("windows-1252"));
        String text = cleanJson("text/html", page, "?drop=").getString("text");
        assertEquals("Caf\u00e9 cr\u00e8me \u2013 na\u00efve", text);
    }

    @Test
    void htmlCharsetFromTheContentTypeIsUsed() {
        byte[] page = "<p>K\u00f8benhavn \u00e5 \u00e6</p>".getBytes(StandardCharsets.ISO_8859_1);
        String text = cleanJson("text/html; charset=ISO-8859-1", page, "?drop=").getString("text");
        assertEquals("K\u00f8benhavn \u00e5 \u00e6", text);
    }

    @Test
    void htmlWithAByteOrderMarkIsDetected() {
        byte[] page = "\ufeff<p>\u041c\u0438\u043d\u0441\u043a \u2014 \u0433\u043e\u0440\u043e\u0434</p>".getBytes(StandardCharsets.UTF_16LE);
        String text = cleanJson("text/html", page, "?drop=").getString("text");
        assertEquals("\u041c\u0438\u043d\u0441\u043a \u2014 \u0433\u043e\u0440\u043e\u0434", text);
    }

    @Test
    void textIsUtf8WhenTheContentTypeNamesNoCharset() {
        byte[] sent = "Stra\u00dfe und \u00c4rger \u20ac".getBytes(StandardCharsets.UTF_8);
        assertEquals("Stra\u00dfe und \u00c4rger \u20ac", cleanJson("text/plain", sent, "?drop=").getString("text"));
    }

    @Test
    void textIsDecodedWithTheContentTypeCharset() {
        byte[] sent = "r\u00e9sum\u00e9 \u2013 \u201cquoted\u201d".getBytes(Charset.forName("windows-1252"));
        assertEquals("r\u00e9sum\u00e9 \u2013 \u201cquoted\u201d",
                cleanJson("text/plain; charset=windows-1252", sent, "?drop=").getString("text"));
    }

    /** Pages labelled ISO-8859-1 are written in windows-1252 as often as not: its quotes and dashes read as batch reads them. */
    @Test
    void textLabelledIso88591IsReadAsWindows1252AsInBatch() {
        byte[] sent = "\u201cquoted\u201d \u2013 caf\u00e9".getBytes(Charset.forName("windows-1252"));
        assertEquals("\u201cquoted\u201d \u2013 caf\u00e9", cleanJson("text/plain; charset=ISO-8859-1", sent, "?drop=").getString("text"));
    }

    @Test
    void aByteWindows1252LeavesUndefinedIsRefusedInTextLabelledIso88591() {
        byte[] sent = {'o', 'k', (byte) 0x81};
        assertProblem(body("text/plain; charset=ISO-8859-1", sent).post(CLEAN).then(), 400, "urn:winnow:problem:unreadable-body")
                .body("detail", containsString("windows-1252 (at byte 2)"));
    }

    @Test
    void textWithAUtf16ByteOrderMarkIsDecodedAndTheMarkDropped() {
        byte[] sent = "\ufeffZ\u00fcrich\nGen\u00e8ve".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Z\u00fcrich\nGen\u00e8ve", cleanJson("text/plain", sent, "?drop=").getString("text"));
    }

    @Test
    void aByteOrderMarkOutranksTheContentTypeCharsetAsInBatch() {
        byte[] sent = "\ufeffZ\u00fcrich \u2013 Gen\u00e8ve".getBytes(StandardCharsets.UTF_8);
        assertEquals("Z\u00fcrich \u2013 Gen\u00e8ve", cleanJson("text/plain; charset=windows-1252", sent, "?drop=").getString("text"));
    }

    @Test
    void textThatIsNotValidUtf8IsRefused() {
        byte[] sent = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(body("text/plain", sent).post(CLEAN).then(), 400, "urn:winnow:problem:unreadable-body")
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void anUnknownCharsetIsRefused() {
        assertProblem(body("text/plain; charset=klingon-8", "Qapla'").post(CLEAN).then(), 400, "urn:winnow:problem:unreadable-body")
                .body("detail", containsString("klingon-8"));
    }

    // --- options ---

    @Test
    void byDefaultOnlyEditorialBlocksAreKept() {
        JsonPath json = cleanJson("text/plain", fixture(ARTICLE_TXT), "?blocks=true");
        List<Map<String, Object>> blocks = json.getList("blocks");
        for (Map<String, Object> block : blocks) {
            assertEquals("editorial".equals(block.get("label")), block.get("kept"), () -> "block " + block);
        }
    }

    @Test
    void dropRemovesExactlyTheNamedLabels() {
        JsonPath json = cleanJson("text/plain", fixture(ARTICLE_TXT), "?blocks=true&drop=promo,donation");
        for (Map<String, Object> block : json.<Map<String, Object>>getList("blocks")) {
            boolean dropped = Set.of("promo", "donation").contains(block.get("label"));
            assertEquals(!dropped, block.get("kept"), () -> "block " + block);
        }
    }

    @Test
    void droppingEveryLabelLeavesNothing() {
        JsonPath json = cleanJson("text/plain", fixture(ARTICLE_TXT), "?drop=" + ALL_LABELS);
        assertEquals("", json.getString("text"));
    }

    @Test
    void dropAsAJsonArrayOrStringMatchesTheQueryParameter() throws Exception {
        String article = fixtureText(ARTICLE_TXT);
        ObjectMapper mapper = new ObjectMapper();
        JsonPath viaQuery = cleanJson("text/plain", article.getBytes(StandardCharsets.UTF_8), "?blocks=true&drop=boilerplate,donation");
        JsonPath viaArray = cleanJson("application/json", mapper.writeValueAsBytes(
                Map.of("text", article, "drop", List.of("boilerplate", "donation"), "blocks", true)), "");
        JsonPath viaString = cleanJson("application/json", mapper.writeValueAsBytes(
                Map.of("text", article, "drop", "boilerplate,donation", "blocks", true)), "");
        assertEquals(viaQuery.getList("blocks"), viaArray.getList("blocks"));
        assertEquals(viaQuery.getList("blocks"), viaString.getList("blocks"));
        assertEquals(viaQuery.getString("text"), viaArray.getString("text"));
    }

    @Test
    void jsonFieldsWinOverQueryParameters() throws Exception {
        byte[] request = new ObjectMapper().writeValueAsBytes(Map.of("html", fixtureText(GARLIC_HTML), "format", "markdown"));
        JsonPath json = cleanJson("application/json", request, "?format=html&drop=");
        assertEquals("markdown", json.getString("format"));
        assertTrue(json.getString("text").startsWith("# Planting garlic in autumn"), json.getString("text"));
    }

    @Test
    void textFormatIsTheKeptBlocksOnePerLineInDocumentOrder() {
        JsonPath json = cleanJson("text/html", fixture(ARTICLE_HTML), "?blocks=true&format=text");
        assertEquals("text", json.getString("format"));
        List<String> kept = json.<Map<String, Object>>getList("blocks").stream()
                .filter(b -> Boolean.TRUE.equals(b.get("kept"))).map(b -> (String) b.get("text")).toList();
        assertEquals(String.join("\n", kept), json.getString("text"));
    }

    @Test
    void htmlFormatKeepsStructureAndInlineMarkupButNoScript() {
        JsonPath json = cleanJson("text/html", fixture(GARLIC_HTML), "?drop=&format=html");
        assertEquals("html", json.getString("format"));
        String html = json.getString("text");
        for (String expected : List.of("<h1>Planting garlic in autumn</h1>", "<h2>What you need</h2>",
                "<li>Firm, healthy bulbs</li>", "<em>cold spell</em>", "href=\"https://example.org/spacing\"")) {
            assertTrue(html.contains(expected), () -> "missing " + expected + " in\n" + html);
        }
        for (String banned : List.of("<script", "onclick", "tracker", "injected", "alert(")) {
            assertFalse(html.contains(banned), () -> "unsafe " + banned + " in\n" + html);
        }
    }

    @Test
    void markdownFormatWritesHeadingsAndLists() {
        JsonPath json = cleanJson("text/html", fixture(GARLIC_HTML), "?drop=&format=markdown");
        assertEquals("markdown", json.getString("format"));
        String markdown = json.getString("text");
        for (String expected : List.of("# Planting garlic in autumn", "## What you need", "- Firm, healthy bulbs",
                "- A sunny, well-drained bed")) {
            assertTrue(markdown.lines().anyMatch(expected::equals), () -> "no line " + expected + " in\n" + markdown);
        }
        assertFalse(markdown.contains("injected"), markdown);
    }

    @Test
    void blocksAreLeftOutUnlessAskedFor() {
        body("text/plain", fixture(ARTICLE_TXT)).post(CLEAN).then().statusCode(200).body("$", not(hasKey("blocks")));
        body("text/plain", fixture(ARTICLE_TXT)).post(CLEAN + "?blocks=false").then().statusCode(200).body("$", not(hasKey("blocks")));
    }

    @Test
    void blocksTrueListsEveryBlockWithLabelScoreAndKept() {
        JsonPath json = cleanJson("text/plain", fixture(ARTICLE_TXT), "?blocks=true");
        List<Map<String, Object>> blocks = json.getList("blocks");
        int total = LABELS.stream().mapToInt(l -> json.getInt("labels." + l)).sum();
        assertEquals(total, blocks.size());
        List<String> lines = nonBlankLines(fixtureText(ARTICLE_TXT));
        for (int i = 0; i < blocks.size(); i++) {
            Map<String, Object> block = blocks.get(i);
            assertEquals(lines.get(i), block.get("text"));
            assertTrue(LABELS.contains(block.get("label")), () -> "unknown label in " + block);
            double score = ((Number) block.get("score")).doubleValue();
            assertTrue(score > 0 && score <= 1, () -> "score out of range in " + block);
            assertTrue(block.get("kept") instanceof Boolean, () -> "kept is not a boolean in " + block);
        }
        for (String label : LABELS) {
            long counted = blocks.stream().filter(b -> label.equals(b.get("label"))).count();
            assertEquals(json.getInt("labels." + label), counted, "labels." + label + " counts the blocks with that label");
        }
    }

    @Test
    void answerHasTheDocumentedShapeWithAllLabelsInOrder() throws Exception {
        String answer = body("text/plain", fixture(ARTICLE_TXT)).post(CLEAN).then().statusCode(200).extract().asString();
        JsonNode json = new ObjectMapper().readTree(answer);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("text", "format", "paywalled", "labels", "model"), fields);
        assertFalse(json.get("paywalled").asBoolean(), "the example has no paywall notice");
        assertTrue(json.get("paywalled").isBoolean());
        List<String> labels = new ArrayList<>();
        for (Iterator<String> it = json.get("labels").fieldNames(); it.hasNext(); ) {
            labels.add(it.next());
        }
        assertEquals(LABELS, labels);
        assertEquals("text", json.get("format").asText());
        assertFalse(json.get("model").asText().isBlank(), "the model id is missing");
    }

    // --- Accept ---

    @Test
    void acceptTextPlainGivesTheCleanedOutputAlone() {
        String json = cleanJson("text/plain", fixture(ARTICLE_TXT), "").getString("text");
        String plain = body("text/plain", fixture(ARTICLE_TXT)).accept("text/plain").post(CLEAN)
                .then().statusCode(200).contentType(startsWith("text/plain")).extract().asString();
        assertEquals(json, plain);
    }

    @Test
    void acceptTextPlainWorksForEveryFormat() {
        for (String format : List.of("html", "markdown")) {
            String json = cleanJson("text/html", fixture(GARLIC_HTML), "?drop=&format=" + format).getString("text");
            String plain = body("text/html", fixture(GARLIC_HTML)).accept("text/plain").post(CLEAN + "?drop=&format=" + format)
                    .then().statusCode(200).contentType(startsWith("text/plain")).extract().asString();
            assertEquals(json, plain, format);
        }
    }

    @Test
    void anAcceptTheApiCannotAnswerIs406() {
        assertProblem(body("text/plain", "a line").accept("application/pdf").post(CLEAN).then(), 406, "about:blank");
    }

    // --- errors ---

    @Test
    void anEmptyBodyIs400() {
        assertProblem(body("text/plain", new byte[0]).post(CLEAN).then(), 400, "urn:winnow:problem:empty-body");
        assertProblem(body("text/html", " \n\t ").post(CLEAN).then(), 400, "urn:winnow:problem:empty-body");
        assertProblem(body("application/json", "{\"text\": \"  \"}").post(CLEAN).then(), 400, "urn:winnow:problem:empty-body");
    }

    @Test
    void badJsonIs400AndSaysWhere() {
        assertProblem(body("application/json", "{\"text\": \"unterminated}").post(CLEAN).then(), 400, "urn:winnow:problem:invalid-json")
                .body("detail", allOf(containsString("not valid JSON"), containsString("line 1")));
        assertProblem(body("application/json", "{\"text\": \"a\"} trailing").post(CLEAN).then(), 400, "urn:winnow:problem:invalid-json");
    }

    @Test
    void jsonOfTheWrongShapeIs400() {
        Map<String, String> cases = Map.of(
                "[\"a\"]", "must be an object",
                "{\"body\": \"a\"}", "unknown field 'body'",
                "{\"html\": \"<p>a</p>\", \"text\": \"a\"}", "not both",
                "{\"format\": \"text\"}", "neither",
                "{\"text\": 42}", "must be a string",
                "{\"text\": \"a\", \"blocks\": \"yes\"}", "\"blocks\" must be true or false",
                "{\"text\": \"a\", \"drop\": 3}", "\"drop\" must be",
                "{\"text\": \"a\", \"text\": \"b\"}", "Duplicate field");
        cases.forEach((sent, says) -> assertProblem(body("application/json", sent).post(CLEAN).then(), 400,
                "urn:winnow:problem:invalid-json").body("detail", containsString(says)));
    }

    @Test
    void anUnknownLabelIs400AndNamesIt() {
        assertProblem(body("text/plain", "a line").post(CLEAN + "?drop=promo,adverts").then(), 400, "urn:winnow:problem:invalid-option")
                .body("detail", allOf(containsString("adverts"), containsString("donation")));
        assertProblem(body("application/json", "{\"text\": \"a line\", \"drop\": [\"spam\"]}").post(CLEAN).then(), 400,
                "urn:winnow:problem:invalid-option").body("detail", containsString("spam"));
    }

    @Test
    void anUnknownFormatIs400AndNamesIt() {
        assertProblem(body("text/plain", "a line").post(CLEAN + "?format=pdf").then(), 400, "urn:winnow:problem:invalid-option")
                .body("detail", allOf(containsString("pdf"), containsString("markdown")));
        assertProblem(body("text/plain", "a line").post(CLEAN + "?blocks=maybe").then(), 400, "urn:winnow:problem:invalid-option")
                .body("detail", containsString("maybe"));
    }

    @Test
    void theDefaultBodyLimitIsTenMebibytes() {
        assertEquals(10L * 1024 * 1024, config.maxBodyBytes());
        assertEquals(WinnowConfig.DEFAULT_MAX_BODY_BYTES, config.maxBodyBytes());
    }

    @Test
    void aBodyOverTheLimitIs413() {
        byte[] tooLarge = new byte[Math.toIntExact(config.maxBodyBytes() + 1)];
        Arrays.fill(tooLarge, (byte) 'a');
        assertProblem(body("text/plain", tooLarge).post(CLEAN).then(), 413, "urn:winnow:problem:body-too-large")
                .body("detail", containsString(Long.toString(config.maxBodyBytes())));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] tooLarge = new byte[Math.toIntExact(config.maxBodyBytes() + 1)];
        Arrays.fill(tooLarge, (byte) 'a');
        // An InputStream of unknown length goes out chunked, with no Content-Length to check first.
        assertProblem(request().contentType("text/plain").body(new ByteArrayInputStream(tooLarge)).post(CLEAN).then(),
                413, "urn:winnow:problem:body-too-large");
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String head = "{\"unread\": \"";
        String tail = "\"}";
        byte[] atLimit = new byte[Math.toIntExact(config.maxBodyBytes())];
        Arrays.fill(atLimit, (byte) 'a');
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, atLimit, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, atLimit, atLimit.length - tail.length(), tail.length());
        // Read in full and parsed: refused for its field, not its size.
        assertProblem(body("application/json", atLimit).post(CLEAN).then(), 400, "urn:winnow:problem:invalid-json")
                .body("detail", containsString("unknown field 'unread'"));
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        assertProblem(body("application/pdf", "%PDF-1.7").post(CLEAN).then(), 415, "about:blank")
                .body("detail", allOf(containsString("application/pdf"), containsString("text/html")));
    }

    @Test
    void aRequestWithoutContentTypeIs415() throws Exception {
        // REST Assured always sends a Content-Type; the JDK's client sends none unless told.
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(cleanUri).POST(HttpRequest.BodyPublishers.ofString("a line")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertEquals(415, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains("no Content-Type"), response.body());
    }

    @Test
    void aDocumentWithTooManyBlocksIs422() {
        String lines = "a line\n".repeat(config.maxBlocks() + 1);
        assertProblem(body("text/plain", lines).post(CLEAN).then(), 422, "urn:winnow:problem:document-too-large")
                .body("detail", containsString(Integer.toString(config.maxBlocks())));
    }

    @Test
    void otherMethodsAre405() {
        assertProblem(request().get(CLEAN).then(), 405, "about:blank").body("detail", containsString("GET"));
    }
}
