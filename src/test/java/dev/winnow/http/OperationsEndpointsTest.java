package dev.winnow.http;

import static dev.winnow.http.Api.body;
import static dev.winnow.http.Api.fixture;
import static dev.winnow.http.Api.request;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics and the OpenAPI document: what operators and other tools rely on. Health and
 * metrics are on the management interface, a port of their own.
 */
@QuarkusTest
class OperationsEndpointsTest {

    private final String ready = Api.management("/q/health/ready");
    private final String metrics = Api.management("/q/metrics");

    private static JsonPath clean() {
        return body("text/plain", fixture(CleanResourceTest.ARTICLE_TXT)).accept("application/json")
                .post(CleanResourceTest.CLEAN).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void readinessIsUpWithTheModelThatAnswersRequests() {
        String modelId = clean().getString("model");
        request().get(ready).then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'model' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'model' }.data.modelId", equalTo(modelId))
                .body("checks.find { it.name == 'model' }.data.source", notNullValue());
    }

    @Test
    void blockCounterGrowsByTheBlocksOfEachRequest() {
        clean(); // the counters exist from the first counted request on
        double editorialBefore = counter("editorial");
        double donationBefore = counter("donation");
        JsonPath answer = clean();
        assertEquals(editorialBefore + answer.getInt("labels.editorial"), counter("editorial"), 1e-9);
        assertEquals(donationBefore + answer.getInt("labels.donation"), counter("donation"), 1e-9);
    }

    @Test
    void requestsAndLatencyOfCleanAreMeasured() {
        clean();
        String metrics = request().get(this.metrics).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count{") && metrics.contains("uri=\"/v1/clean\""),
                "no http_server_requests_seconds for /v1/clean in /q/metrics");
    }

    /** The current value of winnow_blocks_total for one label, read from /q/metrics. */
    private double counter(String label) {
        String metrics = request().get(this.metrics).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^winnow_blocks_total\\{[^}]*label=\"" + label + "\"[^}]*} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertTrue(m.find(), () -> "no winnow_blocks_total{label=\"" + label + "\"} in /q/metrics");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        request().get("/q/health/ready").then().statusCode(404);
        request().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void openApiDescribesBothOperations() {
        request().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths.'/v1/clean'.post.summary", equalTo("Clean a page"))
                .body("paths.'/v1/labels'.get.summary", equalTo("List the block labels"))
                .body("paths.'/v1/clean'.post.responses.'413'.content.'application/problem+json'", notNullValue());
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        Api.assertProblem(request().accept("application/json").get("/v1/cleaner").then(), 404, "about:blank", "/v1/cleaner")
                .body("detail", containsString("/q/openapi"));
    }

    @Test
    void swaggerUiIsServed() {
        request().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
