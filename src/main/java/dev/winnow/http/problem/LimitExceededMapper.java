package dev.winnow.http.problem;

import dev.winnow.core.LimitExceededException;
import dev.winnow.core.TimeLimitExceededException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A well-formed document that asks for more work than the configured limits allow: 422, with a
 * problem type for too many blocks and another for too much time.
 */
public class LimitExceededMapper {

    @ServerExceptionMapper
    public Response map(LimitExceededException e, UriInfo uri) {
        return new Problem("urn:winnow:problem:document-too-large", "Document exceeds the limits", 422,
                e.getMessage(), uri.getPath()).toResponse();
    }

    /** The document took longer than {@code winnow.max-processing-time}: the work was stopped. */
    @ServerExceptionMapper
    public Response map(TimeLimitExceededException e, UriInfo uri) {
        return new Problem("urn:winnow:problem:time-limit-exceeded", "Document took too long to process", 422,
                e.getMessage() + "; the limit is winnow.max-processing-time", uri.getPath()).toResponse();
    }
}
