package dev.winnow.http;

import static dev.winnow.http.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * winnow never fetches a URL it is given: no image, stylesheet, frame, script, base, refresh or
 * link in a page, and no URL field in a JSON record, makes it send a request (no SSRF surface).
 * A local HTTP server on 127.0.0.1 stands in for every URL and counts what it receives.
 */
@QuarkusTest
class NoOutboundRequestsTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "<p>fetched</p>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String page() {
        return "<html><head><base href=\"" + base + "/base/\">"
                + "<link rel=\"stylesheet\" href=\"" + base + "/style.css\">"
                + "<link rel=\"preload\" as=\"image\" href=\"" + base + "/preload.png\">"
                + "<link rel=\"import\" href=\"" + base + "/import.html\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + base + "/refresh\">"
                + "<script src=\"" + base + "/script.js\"></script>"
                + "<style>@import url(\"" + base + "/import.css\"); body { background: url(" + base + "/bg.png) }</style>"
                + "</head><body><article><h1>Harbour reopens</h1>"
                + "<p>The harbour reopened on Monday after three weeks of repairs to the sea wall. "
                + "<img src=\"" + base + "/img.png\" srcset=\"" + base + "/img-2x.png 2x\" alt=\"the harbour\"></p>"
                + "<p style=\"background-image:url(" + base + "/inline-bg.png)\">Fishing boats were the first back in, "
                + "<a href=\"" + base + "/link\">as planned</a>.</p>"
                + "<iframe src=\"" + base + "/iframe.html\"></iframe>"
                + "<figure><img src=\"relative.png\"><figcaption>Boats at dawn.</figcaption></figure>"
                + "<video poster=\"" + base + "/poster.png\"><source src=\"" + base + "/video.mp4\"></video>"
                + "<object data=\"" + base + "/object.swf\"></object><embed src=\"" + base + "/embed.swf\">"
                + "<form action=\"" + base + "/form\"><input type=\"image\" src=\"" + base + "/input.png\"></form>"
                + "</article></body></html>";
    }

    @Test
    void noUrlInAPageOrARequestIsEverFetched() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String page = page();
        for (String format : new String[] {"text", "html", "markdown"}) {
            String query = "/v1/clean?drop=&blocks=true&format=" + format;
            assertEquals(200, post(query, "text/html", page).statusCode());
            assertEquals(200, post(query, "application/json", json.writeValueAsString(Map.of("html", page))).statusCode());
        }
        // a url field is no option of POST /v1/clean: refused, and not fetched either
        assertEquals(400, post("/v1/clean", "application/json",
                json.writeValueAsString(Map.of("html", page, "url", base + "/json-url"))).statusCode());
        // in a batch record a url field is metadata, passed through untouched
        String record = json.writeValueAsString(Map.of("url", base + "/batch-url", "html", page));
        HttpResponse<String> batch = post("/v1/clean/batch?format=html", BatchResource.NDJSON, record + "\n");
        assertEquals(200, batch.statusCode());
        assertEquals(base + "/batch-url", json.readTree(batch.body()).path("url").asText(), batch.body());

        Thread.sleep(300); // room for any fetch made in the background
        assertEquals(List.of(), received, "winnow sent requests to URLs it was given");

        // the harness does count: one request straight to the server is seen
        RawHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/direct")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(List.of("GET /direct"), received);
    }
}
