package dev.winnow.http.problem;

import dev.winnow.core.LimitExceededException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A well-formed document that asks for more work than the configured limits allow: 422. */
public class LimitExceededMapper {

    @ServerExceptionMapper
    public Response map(LimitExceededException e, UriInfo uri) {
        return new Problem("urn:winnow:problem:document-too-large", "Document exceeds the limits", 422,
                e.getMessage(), uri.getPath()).toResponse();
    }
}
