package dev.winnow.http;

import dev.winnow.batch.BatchOptions;
import dev.winnow.batch.BatchRunner;
import dev.winnow.batch.BatchStats;
import dev.winnow.batch.JsonLinesSource;
import dev.winnow.batch.RecordCleaner;
import dev.winnow.core.CleanOptions;
import dev.winnow.core.Winnow;
import dev.winnow.http.problem.Problem;
import dev.winnow.http.problem.ProblemException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/clean/batch}: NDJSON in, NDJSON out, one output line per record (every line that
 * is not blank), in order, streamed both ways. The record rules are {@link RecordCleaner}'s, the same as the
 * {@code batch} command's.
 */
@Path(BatchResource.PATH)
@Tag(name = "clean")
public class BatchResource {

    public static final String PATH = "/v1/clean/batch";
    public static final String NDJSON = "application/x-ndjson";
    static final MediaType NDJSON_TYPE = MediaType.valueOf(NDJSON);

    private static final Logger LOG = Logger.getLogger(BatchResource.class);

    private final Winnow winnow;
    private final BlockMetrics metrics;
    private final BatchWorkers workers;
    private final long maxRecordBytes;
    private final Vertx vertx;
    private final long stallMillis;

    public BatchResource(Winnow winnow, BlockMetrics metrics, BatchWorkers workers, WinnowConfig config, LimitsConfig limits, Vertx vertx) {
        // each record gets the time limit of one POST /v1/clean
        this.winnow = winnow.withLimits(winnow.limits().withMaxTime(limits.maxProcessingTime()));
        this.metrics = metrics;
        this.workers = workers;
        this.maxRecordBytes = config.maxBodyBytes();
        this.vertx = vertx;
        this.stallMillis = Math.max(1, limits.bodyStallTimeout().toMillis());
    }

    @POST
    @Consumes({NDJSON, "application/jsonl"})
    @Produces(NDJSON)
    @Operation(summary = "Clean many documents",
            description = "Reads NDJSON, one document per line in `html` or `text`, and streams back NDJSON with one "
                    + "line per input record, in input order. A blank line (nothing but white space) is not a record: "
                    + "it gives no output line, and `line` numbers still count it. Each output line holds "
                    + "the input's other fields unchanged plus `clean`, `labels` "
                    + "and (with blocks=true) `blocks`. A line that cannot be read or cleaned (not JSON, no document "
                    + "field, over the limits) becomes `{\"error\": \"...\", \"line\": n, ...the input's other fields}` "
                    + "and the batch goes on. A line longer than winnow.max-body-bytes is such an error. The body has "
                    + "no overall size limit: it is read as it arrives, a window of lines at a time; it is not "
                    + "decompressed (a Content-Encoding other than identity is refused with 415). A record that takes "
                    + "longer than winnow.max-processing-time is an error record. At most winnow.max-concurrent-batches batches "
                    + "are served at once (503 past it), and a body that stops arriving for winnow.body-stall-timeout "
                    + "while the service waits for it has its connection closed.")
    @RequestBody(required = true, description = "One JSON object per line, UTF-8",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "One JSON object per input line that is not blank, streamed",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown label or format, or a bad field name option",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The Content-Type is not application/x-ndjson, or the body has a "
            + "Content-Encoding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "As many batches are being served as winnow.max-concurrent-batches "
            + "allows; the answer has Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response batch(
            InputStream body,
            @Context UriInfo uri,
            @Context HttpServerRequest request,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
            @Parameter(description = "Labels to remove, comma-separated; empty drops nothing. "
                    + "Default boilerplate,promo,paywall,donation", example = "promo,donation")
            @QueryParam("drop") String drop,
            @Parameter(description = "Output format of `clean`: text (default), html or markdown",
                    schema = @Schema(enumeration = {"text", "html", "markdown"}, defaultValue = "text"))
            @QueryParam("format") String format,
            @Parameter(description = "true adds every block with its label, score and whether it was kept",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("blocks") String blocks,
            @Parameter(description = "The field holding HTML; empty for none", schema = @Schema(defaultValue = "html"))
            @QueryParam("html-field") String htmlField,
            @Parameter(description = "The field holding plain text; empty for none", schema = @Schema(defaultValue = "text"))
            @QueryParam("text-field") String textField) {
        // "?drop=" means "drop nothing"; the framework hands an empty query value over as null.
        String dropValue = drop == null && uri.getQueryParameters().containsKey("drop") ? "" : drop;
        if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            // The batch body has no overall limit, so a compressed one could inflate without end: refused.
            throw ProblemException.unsupportedContentEncoding("Content-Encoding '" + contentEncoding.strip()
                    + "' is not supported by the batch endpoint; send the NDJSON uncompressed", "identity");
        }
        CleanOptions clean = OptionValues.query(dropValue, format, blocks).toCleanOptions();
        BatchOptions options;
        try {
            options = new BatchOptions(clean,
                    field(htmlField, "html-field", uri, BatchOptions.DEFAULT_HTML_FIELD),
                    field(textField, "text-field", uri, BatchOptions.DEFAULT_TEXT_FIELD),
                    maxRecordBytes);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidOption("html-field/text-field: " + e.getMessage());
        }
        RecordCleaner cleaner = new RecordCleaner(winnow, options);
        StreamingOutput stream = out -> {
            // A client that stops sending would hold this worker thread; past the stall limit its connection is closed.
            BatchRunner.Result result;
            try (StallWatch watched = StallWatch.watch(body, vertx, stallMillis, () -> request.connection().close())) {
                result = workers.runner().run(new JsonLinesSource(watched, cleaner), out, new BatchStats(),
                        outcome -> {
                            if (!outcome.failed()) {
                                metrics.record(outcome.counts());
                            }
                        });
                if (watched.stalled()) {
                    LOG.debugf("batch body stalled for %d ms (winnow.body-stall-timeout) after %d records; connection closed",
                            stallMillis, result.stats().records());
                    return;
                }
            }
            if (result.writeFailure() != null) {
                LOG.debugf("batch response abandoned after %d records: %s", result.stats().records(), result.writeFailure());
            } else {
                LOG.debugf("batch: %d records, %d errors in %.1f s", (Long) result.stats().records(),
                        (Long) result.stats().errors(), (Double) result.stats().seconds());
            }
        };
        return Response.ok(stream, NDJSON_TYPE).build();
    }

    private static String field(String value, String name, UriInfo uri, String byDefault) {
        if (value != null) {
            return value;
        }
        return uri.getQueryParameters().containsKey(name) ? "" : byDefault;
    }
}
