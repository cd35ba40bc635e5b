package dev.winnow.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The playground at {@code /} (static files from {@code META-INF/resources}) may load and call
 * nothing but its own origin: every answer outside the API ({@code /v1/}) and Quarkus' own
 * pages ({@code /q/}, whose Swagger UI needs inline scripts) carries this Content-Security-Policy.
 * The cleaned HTML the page shows runs in a {@code sandbox=""} srcdoc frame, which inherits it.
 */
@ApplicationScoped
public class PlaygroundHeaders {

    /** Only the page's own origin; no inline script or style, no plug-ins, no framing of the page. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** Runs before the static-file and REST handlers, so every answer they write has the headers. */
    static final int PRIORITY = 100;

    void register(@Observes Filters filters) {
        filters.register(PlaygroundHeaders::addHeaders, PRIORITY);
    }

    static void addHeaders(RoutingContext context) {
        if (isPlayground(context.normalizedPath())) {
            // Set as the headers go out, after the static-file handler has set its own.
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                // The page changes with the API it calls: a browser asks again (and gets a 304)
                // instead of keeping the static handler's "immutable" copy for a day.
                headers.set("Cache-Control", "no-cache");
            });
        }
        context.next();
    }

    /** Everything but the API and Quarkus' own endpoints: {@code /}, the page's files, unknown paths. */
    static boolean isPlayground(String path) {
        if (path == null) {
            return true;
        }
        return !(path.equals("/v1") || path.startsWith("/v1/") || path.equals("/q") || path.startsWith("/q/"));
    }
}
