package dev.winnow.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.core.Label;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.HtmlSegmenter;
import dev.winnow.core.segment.Whitespace;
import dev.winnow.core.segment.TextSegmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Hand-written appeal, gate and promo units (model/corpus/augmentation/units.jsonl), inserted
 * into real training articles in text mode, where an appeal has no DOM to give it away, and as a
 * box in the page's HTML, at the article's end, in its middle or near its start.
 * Training only: they are never counted as corpus and never reach an evaluation split.
 */
public final class Augmentation {

    /** One hand-written unit: every line carries the unit's label. */
    public record Unit(String id, Label label, List<String> lines) {
    }

    private final List<Unit> units;

    private Augmentation(List<Unit> units) {
        this.units = units;
    }

    public static Augmentation read(Path file) {
        List<Unit> units = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (JsonNode n : SourcePages.jsonLines(file)) {
                List<String> lines = new ArrayList<>();
                n.path("lines").forEach(l -> lines.add(l.asText()));
                units.add(new Unit(n.path("id").asText(), Label.fromId(n.path("label").asText()), lines));
            }
        }
        return new Augmentation(units);
    }

    public int size() {
        return units.size();
    }

    /** Every {@code n}-th unit: a small, still mixed set for quick runs and tests. */
    public Augmentation every(int n) {
        List<Unit> some = new ArrayList<>();
        for (int i = 0; i < units.size(); i += n) {
            some.add(units.get(i));
        }
        return new Augmentation(some);
    }

    /**
     * Text-mode pages made of a real host article and one unit: half the time the host's
     * editorial lines only (as an extracted article looks), half the whole page; the unit goes
     * after the article's last editorial line, between two of its paragraphs or near its start,
     * a third of the time each.
     */
    public List<LabelledPage> pages(List<LabelledPage> hosts, int copies, long seed) {
        List<LabelledPage> candidates = hosts.stream().filter(Augmentation::isArticle).toList();
        List<LabelledPage> out = new ArrayList<>();
        if (candidates.isEmpty()) {
            return out;
        }
        Random random = new Random(seed);
        for (Unit unit : units) {
            for (int c = 0; c < copies; c++) {
                LabelledPage host = candidates.get(random.nextInt(candidates.size()));
                out.add(insert(host, unit, random));
            }
        }
        return out;
    }

    /** Class names that say nothing of what a box is, so an inserted unit is found by its words. */
    private static final String[] NEUTRAL_CLASSES = {"box", "note", "message", "module", "callout", "inline-box", "block", ""};

    /**
     * HTML pages made of a real host page and one unit inserted into its DOM as a box after one
     * of the article's paragraphs: after the last, between two, or near the start, a third of the
     * time each. The page is segmented again, so every block's features see the box where it is.
     */
    public List<LabelledPage> htmlPages(List<LabelledPage> hosts, int copies, long seed) {
        List<LabelledPage> candidates = hosts.stream().filter(Augmentation::isArticle).toList();
        List<LabelledPage> out = new ArrayList<>();
        if (candidates.isEmpty()) {
            return out;
        }
        Random random = new Random(seed ^ 0x5EED);
        HtmlSegmenter segmenter = new HtmlSegmenter();
        for (Unit unit : units) {
            for (int c = 0; c < copies; c++) {
                LabelledPage host = candidates.get(random.nextInt(candidates.size()));
                LabelledPage page = insertHtml(host, unit, random, segmenter);
                if (page != null) {
                    out.add(page);
                }
            }
        }
        return out;
    }

    private static LabelledPage insertHtml(LabelledPage host, Unit unit, Random random, HtmlSegmenter segmenter) {
        Document doc = host.page().parse();
        List<Block> blocks = segmenter.segment(doc);
        if (blocks.size() != host.blocks().size()) {
            return null;
        }
        List<Integer> anchors = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (host.labels()[i] == Label.EDITORIAL && b.source() != null && b.context().tag().equals("p")) {
                anchors.add(i);
            }
        }
        if (anchors.size() < 4) {
            return null;
        }
        int where = random.nextInt(3);
        int anchor = where == 0 ? anchors.get(anchors.size() - 1)
                : where == 1 ? anchors.get(1 + random.nextInt(anchors.size() - 2))
                : anchors.get(random.nextInt(2));
        Element box = new Element(random.nextBoolean() ? "div" : "aside");
        String cls = NEUTRAL_CLASSES[random.nextInt(NEUTRAL_CLASSES.length)];
        if (!cls.isEmpty()) {
            box.addClass(cls);
        }
        for (int i = 0; i < unit.lines().size(); i++) {
            String line = unit.lines().get(i);
            boolean shortLine = line.split("\\s+").length <= 6;
            String tag = i == 0 && shortLine ? "h3" : i == unit.lines().size() - 1 && shortLine ? "button" : "p";
            box.appendElement(tag).text(line);
        }
        blocks.get(anchor).source().after(box);
        List<Block> after = segmenter.segment(doc);
        int m = unit.lines().size();
        if (after.size() != blocks.size() + m) {
            return null;
        }
        Label[] labels = new Label[after.size()];
        for (int i = 0; i < after.size(); i++) {
            if (i <= anchor) {
                labels[i] = host.labels()[i];
            } else if (i <= anchor + m) {
                if (!after.get(i).text().equals(Whitespace.collapse(unit.lines().get(i - anchor - 1)))) {
                    return null;
                }
                labels[i] = unit.label();
            } else {
                labels[i] = host.labels()[i - m];
            }
        }
        return new LabelledPage(host.page(), after, labels);
    }

    private static boolean isArticle(LabelledPage page) {
        int editorial = 0;
        for (Label l : page.labels()) {
            if (l == Label.EDITORIAL) {
                editorial++;
            }
        }
        return editorial >= 8;
    }

    private static LabelledPage insert(LabelledPage host, Unit unit, Random random) {
        boolean articleOnly = random.nextBoolean();
        List<String> lines = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int lastEditorial = -1;
        for (int i = 0; i < host.blocks().size(); i++) {
            Label l = host.labels()[i];
            if (articleOnly && l != Label.EDITORIAL) {
                continue;
            }
            lines.add(host.blocks().get(i).text());
            labels.add(l);
            if (l == Label.EDITORIAL) {
                lastEditorial = lines.size() - 1;
            }
        }
        // an appeal must be found by what it says, not by where it stands: a third after the
        // article, a third between its paragraphs, a third near its start
        int at = lastEditorial + 1;
        int where = random.nextInt(3);
        if (where == 1 && lastEditorial > 4) {
            at = 2 + random.nextInt(lastEditorial - 2);
        } else if (where == 2 && lastEditorial > 4) {
            at = 1 + random.nextInt(3);
        }
        lines.addAll(at, unit.lines());
        for (int i = 0; i < unit.lines().size(); i++) {
            labels.add(at, unit.label());
        }
        List<Block> blocks = new TextSegmenter().segment(String.join("\n", lines));
        if (blocks.size() != labels.size()) {
            // a unit line that is blank is not a block; such a unit is skipped
            return new LabelledPage(host.page(), List.of(), new Label[0]);
        }
        return new LabelledPage(host.page(), blocks, labels.toArray(Label[]::new));
    }
}
