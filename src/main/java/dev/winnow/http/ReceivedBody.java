package dev.winnow.http;

import io.vertx.ext.web.RoutingContext;

/**
 * The body of a {@code POST /v1/clean} as {@link EventLoopBodyReader} received it, before any
 * decoding: the bytes as sent, whether they are gzip'd, and the share of the body budget they
 * hold (the inflated bytes are added to it).
 */
record ReceivedBody(byte[] bytes, boolean gzip, BodyBudget.Share share) {

    private static final String KEY = ReceivedBody.class.getName();

    void attachTo(RoutingContext context) {
        context.put(KEY, this);
    }

    /** The body received for this request; null when the request did not pass the reader. */
    static ReceivedBody of(RoutingContext context) {
        return context.get(KEY);
    }
}
