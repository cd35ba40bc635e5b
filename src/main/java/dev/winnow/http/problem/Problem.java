package dev.winnow.http.problem;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 7807 problem detail.
 *
 * @param type     a URI naming the kind of problem ({@code urn:winnow:problem:...}, or
 *                 {@code about:blank} where the status says it all)
 * @param title    a short summary of the kind of problem, the same for every occurrence
 * @param status   the HTTP status
 * @param detail   what went wrong with this request, and how to fix it
 * @param instance the path of the request
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
@Schema(name = "Problem", description = "RFC 7807 problem detail, sent as application/problem+json")
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The response carrying this problem. The body is written here, as a string, so that it is
     * the same whatever the client asked for in {@code Accept}.
     */
    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(toJson()).build();
    }

    /** The problem as the JSON body of an answer. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            // A record of four strings and an int always serialises; keep the status regardless.
            return "{\"type\":\"about:blank\",\"status\":" + status + "}";
        }
    }
}
