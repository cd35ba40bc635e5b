package dev.winnow.bench;

import de.l3s.boilerpipe.BoilerpipeProcessingException;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import dev.winnow.core.CleanOptions;
import dev.winnow.core.Input;
import dev.winnow.core.Limits;
import dev.winnow.core.Winnow;
import dev.winnow.core.features.PageFeatures;
import dev.winnow.core.model.Labeller;
import dev.winnow.core.model.Prediction;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.HtmlSegmenter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The measured units, shared by the JMH benchmarks and the timing harness so both time the same
 * code. Each returns something derived from its work, for a JMH {@code Blackhole} or a checksum.
 */
public final class Stages {

    private static final CleanOptions OPTIONS = CleanOptions.DEFAULT;

    private final Winnow winnow;
    private final Labeller labeller;
    private final HtmlSegmenter segmenter = new HtmlSegmenter(Limits.DEFAULT.maxDepth());

    public Stages(Winnow winnow) {
        this.winnow = winnow;
        this.labeller = Labeller.of(winnow.model());
    }

    /**
     * The model under test: {@code winnow.model.path} (or {@code WINNOW_MODEL_PATH}) when set, as
     * for the service, else the model bundled at {@value Winnow#BUNDLED_MODEL}.
     */
    public static Stages load() {
        String path = BenchPages.setting("winnow.model.path", "WINNOW_MODEL_PATH");
        try {
            return new Stages(path == null ? Winnow.fromClasspath() : Winnow.fromFile(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model (" + (path == null ? "classpath" : path)
                    + "); build with model/winnow.model present or set -Dwinnow.model.path=FILE", e);
        }
    }

    public Winnow winnow() {
        return winnow;
    }

    /** The floor: Jsoup's parse plus one walk over every text node (Jsoup's own {@code text()}). */
    public static int floor(String html) {
        return Jsoup.parse(html).text().length();
    }

    /** The whole pipeline, as the service calls it: HTML input, default options. */
    public int pipeline(String html) {
        return winnow.clean(Input.html(html), OPTIONS).output().length();
    }

    /** boilerpipe's ArticleExtractor (nekohtml SAX parse, block merging, heuristics). */
    public static int boilerpipe(String html) {
        try {
            String text = ArticleExtractor.INSTANCE.getText(html);
            return text == null ? 0 : text.length();
        } catch (BoilerpipeProcessingException e) {
            return -1;
        }
    }

    /**
     * What the HTTP layer's request reader does before the pipeline: decode the body's bytes as
     * a browser would (charset from a byte-order mark or the page's meta, else UTF-8) by parsing
     * them. The pipeline then walks this very tree, so over HTTP this replaces {@link #parse}.
     */
    public static Document httpDecode(byte[] body) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), null, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    /** The segmenter's DOM walk alone, on a parsed page. */
    public List<Block> segment(Document document) {
        return segmenter.segment(document);
    }

    /** Per-block text measures, structure and lexical keys ({@link PageFeatures#of}). */
    public static PageFeatures features(List<Block> blocks) {
        return PageFeatures.of(blocks);
    }

    /** The sparse first-pass rows alone (the model builds them again inside {@link #model}). */
    public static int rows(PageFeatures page) {
        int nonZero = 0;
        for (int i = 0; i < page.size(); i++) {
            nonZero += page.row(i).size();
        }
        return nonZero;
    }

    /** The first pass (Smile's sparse logistic regression, scored as served). */
    public double[][] firstPass(PageFeatures page) {
        return labeller.firstPass(page);
    }

    /** The whole model as served: first pass and context pass. */
    public Prediction[] model(PageFeatures page) {
        return labeller.predict(page);
    }

    /** The rest of {@code clean}: the drop policy and the text renderer. */
    public static String finish(List<Block> blocks, Prediction[] predictions) {
        List<Block> kept = new ArrayList<>();
        for (int i = 0; i < predictions.length; i++) {
            if (OPTIONS.policy().keeps(predictions[i].label())) {
                kept.add(blocks.get(i));
            }
        }
        return OPTIONS.format().renderer().render(kept);
    }
}
