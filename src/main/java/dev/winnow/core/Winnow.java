package dev.winnow.core;

import dev.winnow.core.features.PageFeatures;
import dev.winnow.core.model.LabelModel;
import dev.winnow.core.model.Labeller;
import dev.winnow.core.model.ModelFile;
import dev.winnow.core.model.Prediction;
import dev.winnow.core.policy.GateVerdict;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.HtmlSegmenter;
import dev.winnow.core.segment.TextSegmenter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one front door to the core: segment, compute features, label with the model, apply the
 * policy, render. Thread-safe; build one per model and share it.
 *
 * <pre>{@code
 * Winnow winnow = Winnow.fromClasspath();
 * CleanResult result = winnow.clean(Input.text(article), CleanOptions.DEFAULT);
 * }</pre>
 */
public final class Winnow {

    /** Where the shipped model sits inside the jar. */
    public static final String BUNDLED_MODEL = "/model/winnow.model";

    private final LabelModel model;
    private final Labeller labeller;
    private final Limits limits;

    public Winnow(LabelModel model, Limits limits) {
        this(Labeller.of(model), limits);
    }

    private Winnow(Labeller labeller, Limits limits) {
        this.model = labeller.model();
        this.labeller = labeller;
        this.limits = limits;
    }

    public Winnow(LabelModel model) {
        this(model, Limits.DEFAULT);
    }

    /** The model shipped inside the jar. */
    public static Winnow fromClasspath() throws IOException {
        try (InputStream in = Winnow.class.getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new IOException("the bundled model " + BUNDLED_MODEL + " is missing from the classpath; run `train` or set a model path");
            }
            return new Winnow(ModelFile.read(in, "classpath:" + BUNDLED_MODEL));
        }
    }

    /** @throws IOException naming the file, whatever is wrong with it */
    public static Winnow fromFile(Path modelFile) throws IOException {
        try {
            return new Winnow(ModelFile.read(modelFile));
        } catch (IOException e) {
            String file = modelFile.toString();
            if (e.getMessage() != null && e.getMessage().contains(file)) {
                throw e;
            }
            // e.g. a gzip'd file that is no Java serialisation: the stream's own error names no file
            throw new IOException("model file " + file + " is corrupt or not a winnow model: " + e, e);
        }
    }

    public Winnow withLimits(Limits newLimits) {
        return new Winnow(labeller, newLimits);
    }

    public String modelId() {
        return model.id();
    }

    public LabelModel model() {
        return model;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Cleans one document within the time limit of {@link #limits()}.
     *
     * @throws LimitExceededException when the document has too many blocks, or (as
     *         {@link TimeLimitExceededException}) takes longer than the time limit
     */
    public CleanResult clean(Input input, CleanOptions options) {
        return clean(input, options, limits.deadline());
    }

    /**
     * Cleans one document, stopping once {@code deadline} has passed: between the stages, and
     * inside segmentation every few thousand nodes or lines.
     */
    public CleanResult clean(Input input, CleanOptions options, Deadline deadline) {
        List<Block> blocks = segment(input, deadline);
        deadline.check("segmenting");
        List<LabelledBlock> labelled = label(blocks, options);
        deadline.check("labelling the blocks");
        List<Block> kept = new ArrayList<>();
        Map<Label, Integer> counts = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            counts.put(l, 0);
        }
        boolean[] gates = new boolean[labelled.size()];
        boolean[] editorial = new boolean[labelled.size()];
        for (int i = 0; i < labelled.size(); i++) {
            LabelledBlock b = labelled.get(i);
            counts.merge(b.label(), 1, Integer::sum);
            gates[i] = model.gates(b.prediction(), input.kind());
            editorial[i] = b.label() == Label.EDITORIAL;
            if (b.kept()) {
                kept.add(b.block());
            }
        }
        boolean paywalled = GateVerdict.gated(gates, editorial);
        String output = options.format().renderer().render(kept);
        return new CleanResult(output, options.format(), Collections.unmodifiableMap(counts),
                options.blocks() ? labelled : List.of(), model.id(), paywalled);
    }

    public List<Block> segment(Input input) {
        return segment(input, Deadline.NONE);
    }

    public List<Block> segment(Input input, Deadline deadline) {
        List<Block> blocks;
        if (input.parsed() != null) {
            blocks = new HtmlSegmenter(limits.maxDepth(), limits.maxBlocks()).segment(input.parsed(), deadline);
        } else if (input.kind() == Input.Kind.HTML) {
            blocks = new HtmlSegmenter(limits.maxDepth(), limits.maxBlocks()).segment(input.content(), deadline);
        } else {
            blocks = new TextSegmenter(limits.maxBlocks()).segment(input.content(), deadline);
        }
        if (blocks.size() > limits.maxBlocks()) {
            throw new LimitExceededException("the document has " + blocks.size() + " blocks, more than the limit of " + limits.maxBlocks());
        }
        return blocks;
    }

    public List<LabelledBlock> label(List<Block> blocks, CleanOptions options) {
        Prediction[] predictions = labeller.predict(PageFeatures.of(blocks));
        List<LabelledBlock> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < predictions.length; i++) {
            out.add(new LabelledBlock(blocks.get(i), predictions[i], options.policy().keeps(predictions[i].label())));
        }
        return out;
    }
}
