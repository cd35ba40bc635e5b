package dev.winnow.http.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Requests the HTTP layer refused (400, 413): the problem the exception describes. */
public class ProblemExceptionMapper {

    @ServerExceptionMapper
    public Response map(ProblemException e, UriInfo uri) {
        return e.toProblem(uri.getPath()).toResponse();
    }
}
