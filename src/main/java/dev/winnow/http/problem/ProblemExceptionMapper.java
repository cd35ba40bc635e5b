package dev.winnow.http.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Requests the HTTP layer refused (400, 413, 415, 503): the problem the exception describes, with its headers. */
public class ProblemExceptionMapper {

    @ServerExceptionMapper
    public Response map(ProblemException e, UriInfo uri) {
        Response response = e.toProblem(uri.getPath()).toResponse();
        e.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        return response;
    }
}
