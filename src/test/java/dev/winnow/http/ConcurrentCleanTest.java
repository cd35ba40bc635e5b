package dev.winnow.http;

import static dev.winnow.http.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many requests at once get exactly the answers they get one at a time: 200 requests over 16
 * threads, HTML pages and text documents in every format, each answer compared byte for byte
 * with the single-threaded answer to the same request.
 */
@QuarkusTest
class ConcurrentCleanTest {

    static final int REQUESTS = 200;
    static final int THREADS = 16;

    record Call(String query, String type, String body) {
        HttpResponse<String> send() {
            return post(query, type, body, "Accept", "application/json");
        }
    }

    static List<Call> calls() {
        List<String> documents = List.of(
                "html", Api.fixtureText("pages/donation-appeal-after-article.html"),
                "html", Api.fixtureText("pages/headings-list-and-script.html"),
                "html", "<html><body><h1>Tides</h1><p>The spring tide peaked at 5.2 metres.</p><table><tr><th>Day</th><td>Height</td></tr>"
                        + "<tr><td>Mon</td><td>5.2 m</td></tr></table><ul><li>Subscribe to our newsletter</li></ul>"
                        + "<footer>\u00a9 2024 Coast News</footer></body></html>",
                "text", Api.fixtureText("examples/belarus-eu-sanctions.txt"),
                "text", "Storm warning for the coast\nWinds of 90 km/h are expected overnight.\nShare this article\nSign up for alerts\n");
        List<Call> calls = new ArrayList<>();
        String[] queries = {"?format=text", "?format=html&blocks=true", "?format=markdown&drop=promo", "?drop=&blocks=true"};
        for (int d = 0; d < documents.size(); d += 2) {
            String type = documents.get(d).equals("html") ? "text/html" : "text/plain";
            for (String q : queries) {
                calls.add(new Call("/v1/clean" + q, type, documents.get(d + 1)));
            }
        }
        return calls;
    }

    @Test
    void parallelAnswersEqualTheSingleThreadedOnes() throws Exception {
        List<Call> calls = calls();
        List<String> expected = new ArrayList<>();
        for (Call call : calls) {
            HttpResponse<String> response = call.send();
            assertEquals(200, response.statusCode(), response.body());
            expected.add(response.body());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Call call = calls.get(i % calls.size());
                futures.add(pool.submit(call::send));
            }
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> response = futures.get(i).get(60, TimeUnit.SECONDS);
                int which = i % calls.size();
                assertEquals(200, response.statusCode(), () -> "request " + calls.get(which).query() + ": " + response.body());
                assertEquals(expected.get(which), response.body(), "request " + which + " " + calls.get(which).query());
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
