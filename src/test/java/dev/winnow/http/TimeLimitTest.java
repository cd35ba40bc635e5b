package dev.winnow.http;

import static dev.winnow.http.RawHttp.assertProblem;
import static dev.winnow.http.RawHttp.json;
import static dev.winnow.http.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Deadline;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The processing-time limit and the cleaning slots, on a server configured tight: 300 ms per
 * document and one slot. A document that would keep a worker busy for many seconds is stopped
 * at the limit; a request that finds no free slot in time is told to come back.
 */
@QuarkusTest
@TestProfile(TimeLimitTest.Tight.class)
class TimeLimitTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("winnow.max-processing-time", "300ms", "winnow.max-concurrent-cleans", "1");
        }
    }

    static final String CLEAN = "/v1/clean";

    /** About 900 KB that jsoup's tree builder takes many seconds over. */
    static final String SLOW_PAGE = "<table><tr><td>".repeat(60_000) + "the end";

    @Inject
    LimitsConfig limits;

    @Inject
    CleanSlots slots;

    @Test
    void theProfileIsInForce() {
        assertEquals(Duration.ofMillis(300), limits.maxProcessingTime());
        assertEquals(1, slots.slots());
    }

    @Test
    void aDocumentThatTakesTooLongIsStoppedWith422() {
        long start = System.nanoTime();
        JsonNode problem = assertProblem(post(CLEAN, "text/html", SLOW_PAGE), 422, "urn:winnow:problem:time-limit-exceeded");
        long millis = (System.nanoTime() - start) / 1_000_000;
        String detail = problem.path("detail").asText();
        assertTrue(detail.contains("300 ms") && detail.contains("winnow.max-processing-time"), detail);
        assertTrue(millis < 5_000, "the request took " + millis + " ms against a 300 ms limit");
        // the slot was given back: an ordinary request goes through at once
        assertEquals("An ordinary line of text.",
                json(post(CLEAN + "?drop=", "text/plain", "An ordinary line of text.")).path("text").asText());
    }

    @Test
    void aRequestThatFindsNoFreeSlotInTimeIs503WithRetryAfter() {
        try (CleanSlots.Slot held = slots.take(Deadline.NONE)) {
            HttpResponse<String> response = post(CLEAN, "text/plain", "A line.");
            JsonNode problem = assertProblem(response, 503, "urn:winnow:problem:busy");
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
            assertTrue(problem.path("detail").asText().contains("winnow.max-concurrent-cleans"), problem.toString());
        }
        assertEquals(200, post(CLEAN, "text/plain", "A line.").statusCode());
    }

    @Test
    void aBatchRecordThatTakesTooLongIsAnErrorRecordAndTheBatchGoesOn() throws Exception {
        String slow = new ObjectMapper().writeValueAsString(Map.of("id", 1, "html", SLOW_PAGE));
        String ndjson = slow + "\n{\"id\": 2, \"text\": \"A quick line.\"}\n";
        HttpResponse<String> response = post("/v1/clean/batch?drop=", BatchResource.NDJSON, ndjson);
        assertEquals(200, response.statusCode(), response.body());
        String[] lines = response.body().split("\n");
        assertEquals(2, lines.length, response.body());
        assertTrue(lines[0].startsWith("{\"error\":\"over limits: the document took longer than the limit of 300 ms"), lines[0]);
        assertTrue(lines[0].contains("\"id\":1"), lines[0]);
        assertTrue(lines[1].contains("\"clean\":\"A quick line.\""), lines[1]);
    }
}
