package dev.winnow.http.problem;

import dev.winnow.http.CleanResource;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors the REST framework raises before a resource method runs (404, 405, 406, 415 and any
 * other {@link WebApplicationException}): the same status, as a problem with a detail that
 * says what the API accepts.
 */
public class WebApplicationExceptionMapper {

    @ServerExceptionMapper
    public Response map(WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        String path = uri.getPath();
        boolean clean = CleanResource.PATH.equals(path);
        String detail = switch (status) {
            case 404 -> "there is no resource at " + path + "; the API is described at /q/openapi";
            case 405 -> "method " + request.getMethod() + " is not allowed on " + path;
            case 406 -> "cannot answer with any type in Accept '" + header(headers, HttpHeaders.ACCEPT) + "'; "
                    + (clean ? "ask for application/json or text/plain" : "see /q/openapi for what " + path + " answers with");
            case 415 -> "Content-Type '" + header(headers, HttpHeaders.CONTENT_TYPE) + "' is not supported; "
                    + (clean ? "send " + CleanResource.ACCEPTED_BODIES : "see /q/openapi for what " + path + " reads");
            default -> title;
        };
        Response response = new Problem("about:blank", title, status, detail, path).toResponse();
        String allow = e.getResponse() == null ? null : e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.getHeaders().putSingle(HttpHeaders.ALLOW, allow);
        }
        return response;
    }

    private static String header(HttpHeaders headers, String name) {
        String value = headers.getHeaderString(name);
        return value == null ? "" : value;
    }
}
