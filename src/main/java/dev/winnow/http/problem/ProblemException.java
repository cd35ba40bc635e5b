package dev.winnow.http.problem;

/**
 * A request the service refuses, with the status and detail its problem answer carries.
 * Thrown by the HTTP layer only; {@link ProblemExceptionMapper} answers it.
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    private ProblemException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
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

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance);
    }

    public int status() {
        return status;
    }
}
