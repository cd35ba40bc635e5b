package dev.winnow.train;

import dev.winnow.core.Label;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.HtmlSegmenter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The block corpus: every shared page segmented by the serving segmenter, labelled by gold
 * alignment, then by people's fine labels, which win.
 */
public record Corpus(List<LabelledPage> pages) {

    public static Corpus build(List<SourcePage> sources, FineLabels fine) {
        HtmlSegmenter segmenter = new HtmlSegmenter();
        List<LabelledPage> pages = sources.parallelStream().map(page -> {
            List<Block> blocks = segmenter.segment(page.parse());
            Label[] labels = GoldAligner.align(blocks, page.gold());
            boolean[] reviewed = new boolean[labels.length];
            boolean[] editorialOnly = new boolean[labels.length];
            boolean[] hardNegative = new boolean[labels.length];
            for (Block b : blocks) {
                Label person = fine.lookup(page, b.text());
                if (person != null) {
                    labels[b.index()] = person;
                    reviewed[b.index()] = true;
                    editorialOnly[b.index()] = fine.editorialOnly(page, b.text());
                    hardNegative[b.index()] = person == Label.EDITORIAL && fine.isHardNegative(page, b.text());
                }
            }
            return new LabelledPage(page, blocks, labels, reviewed, editorialOnly, hardNegative);
        }).collect(Collectors.toList());
        return new Corpus(pages);
    }

    public Corpus split(Split split) {
        return new Corpus(pages.stream().filter(p -> p.page().split() == split).toList());
    }

    public Corpus splits(Split... splits) {
        List<Split> wanted = List.of(splits);
        return new Corpus(pages.stream().filter(p -> wanted.contains(p.page().split())).toList());
    }

    public Corpus source(String source) {
        return new Corpus(pages.stream().filter(p -> p.page().source().equals(source)).toList());
    }

    public Map<Label, Integer> counts() {
        Map<Label, Integer> counts = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            counts.put(l, 0);
        }
        for (LabelledPage p : pages) {
            for (Label l : p.labels()) {
                if (l != null) {
                    counts.merge(l, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    public List<LabelledPage> withText() {
        List<LabelledPage> out = new ArrayList<>(pages.size() * 2);
        for (LabelledPage p : pages) {
            out.add(p);
            out.add(p.asText());
        }
        return out;
    }
}
