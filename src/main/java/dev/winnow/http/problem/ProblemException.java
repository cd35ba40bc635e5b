package dev.winnow.http.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the service refuses, with the status and detail its problem answer carries.
 * Thrown by the HTTP layer only; {@link ProblemExceptionMapper} answers it.
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, String> headers;

    private ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    private ProblemException(int status, String type, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.headers = headers;
    }

    /** The same problem, answered with this header as well ({@code Retry-After}, {@code Accept-Encoding}). */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(status, type, title, getMessage(), Map.copyOf(more));
    }

    /** Headers the answer carries besides the problem. */
    public Map<String, String> headers() {
        return headers;
    }

    /** 400: the body is empty. */
    public static ProblemException emptyBody(String detail) {
        return new ProblemException(400, "urn:winnow:problem:empty-body", "Empty request body", detail);
    }

    /** 400: the body cannot be decoded or parsed. */
    public static ProblemException unreadableBody(String detail) {
        return new ProblemException(400, "urn:winnow:problem:unreadable-body", "Unreadable request body", detail);
    }

    /** 400: the body is not JSON, or not the JSON object the API reads. */
    public static ProblemException invalidJson(String detail) {
        return new ProblemException(400, "urn:winnow:problem:invalid-json", "Invalid JSON body", detail);
    }

    /** 400: an option (drop, format, blocks) or a JSON field has a value the API does not know. */
    public static ProblemException invalidOption(String detail) {
        return new ProblemException(400, "urn:winnow:problem:invalid-option", "Invalid option", detail);
    }

    /** 415: the request names no media type the API reads; the same problem as the framework's 415. */
    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "about:blank", "Unsupported Media Type", detail);
    }

    /** 413: the body is larger than {@code winnow.max-body-bytes}. */
    public static ProblemException bodyTooLarge(String detail) {
        return new ProblemException(413, "urn:winnow:problem:body-too-large", "Request body too large", detail);
    }

    /** 413: the gzip'd body inflates to more than {@code winnow.max-decompressed-bytes}. */
    public static ProblemException decompressedTooLarge(String detail) {
        return new ProblemException(413, "urn:winnow:problem:decompressed-body-too-large", "Decompressed request body too large", detail);
    }

    /** 415: the body is compressed in a way the API does not read; the answer names what it does. */
    public static ProblemException unsupportedContentEncoding(String detail, String acceptEncoding) {
        return new ProblemException(415, "urn:winnow:problem:unsupported-content-encoding", "Unsupported Content-Encoding", detail,
                Map.of("Accept-Encoding", acceptEncoding));
    }

    /** 503: every cleaning slot stayed busy for the whole time limit; worth trying again shortly. */
    public static ProblemException busy(String detail) {
        return new ProblemException(503, "urn:winnow:problem:busy", "Server busy", detail, Map.of("Retry-After", "1"));
    }

    /** 408: the body stopped arriving for longer than {@code winnow.body-stall-timeout}. */
    public static ProblemException bodyStalled(String detail) {
        return new ProblemException(408, "urn:winnow:problem:body-stalled", "Request body stalled", detail);
    }

    /** 503: the request's body does not fit in what is left of {@code winnow.max-in-flight-body-bytes}. */
    public static ProblemException bodyBudgetSpent(String detail) {
        return new ProblemException(503, "urn:winnow:problem:busy", "Server busy", detail, Map.of("Retry-After", "1"));
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance);
    }

    public int status() {
        return status;
    }
}
