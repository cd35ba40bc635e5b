package dev.winnow.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.core.Label;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.TextSegmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hand-written appeal, gate and promo units (model/corpus/augmentation/units.jsonl), inserted
 * into real training articles in text mode, where an appeal has no DOM to give it away.
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

    /**
     * Text-mode pages made of a real host article and one unit: half the time the host's
     * editorial lines only (as an extracted article looks), half the whole page; the unit goes
     * after the article's last editorial line most of the time, otherwise inside it.
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
        int at = lastEditorial + 1;
        if (random.nextInt(4) == 0 && lastEditorial > 4) {
            at = 2 + random.nextInt(lastEditorial - 2);
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
