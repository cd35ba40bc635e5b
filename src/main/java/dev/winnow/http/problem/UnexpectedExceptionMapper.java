package dev.winnow.http.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Anything no other mapper claims is a bug in winnow, not in the request: 500, logged here with
 * its stack trace under an id that the client sees in the detail, never the trace itself.
 */
public class UnexpectedExceptionMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @ServerExceptionMapper
    public Response map(Throwable e, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "internal error %s on %s", id, uri.getPath());
        return new Problem("urn:winnow:problem:internal-error", "Internal server error", 500,
                "the request failed inside winnow; the error is logged with id " + id, uri.getPath()).toResponse();
    }
}
