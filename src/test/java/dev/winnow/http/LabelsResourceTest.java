package dev.winnow.http;

import static dev.winnow.http.Api.request;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.winnow.core.Label;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LabelsResourceTest {

    @Test
    void listsTheFiveLabelsInEnumOrderWithTheirMeaning() {
        request().get("/v1/labels").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("$", hasSize(5))
                .body("label", contains("editorial", "boilerplate", "promo", "paywall", "donation"))
                .body("meaning", contains(Arrays.stream(Label.values()).map(Label::meaning).toArray()));
    }

    @Test
    void onlyEditorialIsKeptByDefault() {
        request().get("/v1/labels").then()
                .statusCode(200)
                .body("keptByDefault", contains(true, false, false, false, false));
    }

    @Test
    void theMeaningsAreTheOnesOfLabelsMd() {
        request().get("/v1/labels").then()
                .statusCode(200)
                .body("find { it.label == 'donation' }.meaning", org.hamcrest.Matchers.equalTo("an appeal for voluntary support of the publisher"))
                .body("find { it.label == 'paywall' }.meaning",
                        org.hamcrest.Matchers.equalTo("a notice that this content is restricted, metered or gated, and its prompts"));
    }
}
