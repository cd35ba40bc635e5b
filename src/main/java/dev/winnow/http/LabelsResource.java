package dev.winnow.http;

import dev.winnow.core.Label;
import dev.winnow.core.policy.DropPolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/labels}: the five labels, what each means, and which the default keeps. */
@Path("/v1/labels")
@Tag(name = "labels")
public class LabelsResource {

    /** One label as the API describes it. */
    @Schema(name = "Label")
    public record LabelView(
            @Schema(example = "donation") String label,
            @Schema(example = "an appeal for voluntary support of the publisher") String meaning,
            @Schema(description = "Whether POST /v1/clean keeps blocks with this label when drop is not given") boolean keptByDefault) {
    }

    private static final List<LabelView> LABELS = Arrays.stream(Label.values())
            .map(l -> new LabelView(l.id(), l.meaning(), DropPolicy.DEFAULT.keeps(l)))
            .toList();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the block labels",
            description = "The five labels a block can get, in a fixed order, with their one-line meaning and whether "
                    + "the default drop policy keeps them.")
    public List<LabelView> labels() {
        return LABELS;
    }
}
