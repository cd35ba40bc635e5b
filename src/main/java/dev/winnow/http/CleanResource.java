package dev.winnow.http;

import dev.winnow.core.CleanResult;
import dev.winnow.core.Deadline;
import dev.winnow.core.Winnow;
import dev.winnow.http.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/clean}: label every block of a page and return the cleaned page. */
@Path(CleanResource.PATH)
@Tag(name = "clean")
public class CleanResource {

    public static final String PATH = "/v1/clean";

    /** The media types this resource reads, as error details name them. */
    public static final String ACCEPTED_BODIES = "text/html, text/plain or application/json";

    static final MediaType TEXT_PLAIN_UTF8 = MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");

    private final Winnow winnow;
    private final BlockMetrics metrics;
    private final CleanRequestReader reader;
    private final CleanSlots slots;
    private final LimitsConfig limits;

    public CleanResource(Winnow winnow, BlockMetrics metrics, WinnowConfig config, LimitsConfig limits, CleanSlots slots) {
        this.winnow = winnow;
        this.metrics = metrics;
        this.reader = new CleanRequestReader(limits.maxDecompressedBytes());
        this.slots = slots;
        this.limits = limits;
    }

    @POST
    @Consumes({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Clean a page",
            description = "Labels every block of the page as editorial, boilerplate, promo, paywall or donation, drops "
                    + "the blocks whose label is in `drop` and returns the rest in document order. With "
                    + "`Accept: text/plain` the answer is the cleaned output alone.")
    @RequestBody(required = true, description = "The page: HTML (charset from the Content-Type, else from the page's "
            + "meta, else detected), plain text (one block per line; charset from the Content-Type, default UTF-8), "
            + "or JSON with `html` or `text` plus any option as a field (JSON fields win over query parameters).",
            content = {
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CleanRequestJson.class))})
    @APIResponse(responseCode = "200", description = "The cleaned document", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CleanResponse.class)),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Empty or unreadable body, bad JSON, unknown label or format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "408", description = "No byte of the body arrived for winnow.body-stall-timeout; the "
            + "connection is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than winnow.max-body-bytes, or a gzip'd body "
            + "inflates to more than winnow.max-decompressed-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The Content-Type is not text/html, text/plain or application/json, "
            + "or the Content-Encoding is neither gzip nor identity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The document exceeds the configured limits: too many blocks "
            + "(winnow.max-blocks) or too long to process (winnow.max-processing-time)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No cleaning slot came free within winnow.max-processing-time, or "
            + "the body does not fit in what is left of winnow.max-in-flight-body-bytes; try again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response clean(
            @Context RoutingContext routing,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Parameter(description = "Labels to remove, comma-separated; empty drops nothing. "
                    + "Default boilerplate,promo,paywall,donation", example = "promo,donation")
            @QueryParam("drop") String drop,
            @Parameter(description = "Output format: text (default; one kept block per line), html or markdown",
                    schema = @Schema(enumeration = {"text", "html", "markdown"}, defaultValue = "text"))
            @QueryParam("format") String format,
            @Parameter(description = "true adds every block with its label, score and whether it was kept",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("blocks") String blocks) {
        // "?drop=" means "drop nothing"; the framework hands an empty query value over as null.
        String dropValue = drop == null && uri.getQueryParameters().containsKey("drop") ? "" : drop;
        OptionValues query = OptionValues.query(dropValue, format, blocks);
        ReceivedBody body = ReceivedBody.of(routing);
        if (body == null) {
            throw new IllegalStateException("the body of " + PATH + " was not received by EventLoopBodyReader");
        }
        reader.checkMediaType(headers.getMediaType());
        // The time limit runs from here: receiving the body is the network's time, not winnow's.
        Deadline deadline = Deadline.after(limits.maxProcessingTime());
        CleanRequest request;
        CleanResult result;
        try (CleanSlots.Slot slot = slots.take(deadline)) {
            byte[] bytes = reader.inflated(body);
            request = reader.decode(headers.getMediaType(), bytes, query, deadline);
            result = winnow.clean(request.input(), request.options(), deadline);
        }
        metrics.record(result);
        if (wantsPlainText(headers)) {
            return Response.ok(result.output(), TEXT_PLAIN_UTF8).build();
        }
        return Response.ok(CleanResponse.of(result, request.options().blocks()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Whether the client prefers text/plain to JSON; with no preference, the answer is JSON. */
    static boolean wantsPlainText(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON request body, for the OpenAPI document. */
    @Schema(name = "CleanRequest", description = "Exactly one of html and text; the options as in the query string")
    record CleanRequestJson(
            @Schema(description = "A whole page or a fragment") String html,
            @Schema(description = "Plain text, one block per line") String text,
            @Schema(description = "Labels to remove: a comma-separated string or an array of labels",
                    oneOf = {String.class, String[].class}, example = "[\"promo\", \"donation\"]") Object drop,
            @Schema(enumeration = {"text", "html", "markdown"}, defaultValue = "text") String format,
            @Schema(defaultValue = "false") Boolean blocks) {
    }
}
