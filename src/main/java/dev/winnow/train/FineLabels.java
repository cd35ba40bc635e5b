package dev.winnow.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.core.Label;
import dev.winnow.core.segment.Whitespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels people gave blocks by reading them, keyed by page and block text so they survive
 * changes to segmentation. A label also applies to the same text on other pages of the same
 * site: a site's donation banner is the same banner on every page.
 */
public final class FineLabels {
    private final Map<String, Label> byPage = new HashMap<>();
    private final Map<String, Label> bySite = new HashMap<>();
    private final Set<String> hardNegatives = new HashSet<>();
    private final Set<String> editorialOnly = new HashSet<>();
    private int records;

    public static FineLabels read(Path file) {
        FineLabels labels = new FineLabels();
        if (!Files.isRegularFile(file)) {
            return labels;
        }
        List<JsonNode> lines = SourcePages.jsonLines(file);
        for (JsonNode line : lines) {
            String text = Whitespace.collapse(line.get("text").asText());
            Label label = Label.fromId(line.get("label").asText());
            String pageKey = key(line.get("page").asText(), text);
            String siteKey = key(line.path("domain").asText(), text);
            labels.byPage.put(pageKey, label);
            boolean siteLabelNew = labels.bySite.putIfAbsent(siteKey, label) == null;
            if (line.path("editorialOnly").asBoolean(false)) {
                labels.editorialOnly.add(pageKey);
                if (siteLabelNew) {
                    labels.editorialOnly.add(siteKey);
                }
            }
            labels.records++;
            if (line.path("hardNegative").asBoolean(false)) {
                labels.hardNegatives.add(pageKey);
            }
        }
        return labels;
    }

    public static FineLabels none() {
        return new FineLabels();
    }

    public int size() {
        return records;
    }

    /** Whether a person marked this editorial text as one that talks about money, ads or cookies. */
    public boolean isHardNegative(SourcePage page, String text) {
        return hardNegatives.contains(key(page.key(), text));
    }

    /**
     * Whether the label {@link #lookup} gives this text came from a record that teaches only the
     * editorial decision: a person's confirmation of a label the model proposed may say reliably
     * that a block is not the article while being too many, and too alike, to weigh on which
     * non-editorial label it gets.
     */
    public boolean editorialOnly(SourcePage page, String text) {
        String pageKey = key(page.key(), text);
        return byPage.containsKey(pageKey) ? editorialOnly.contains(pageKey) : editorialOnly.contains(key(page.domain(), text));
    }

    /** The person-given label of this text on this page (or elsewhere on its site), or null. */
    public Label lookup(SourcePage page, String text) {
        Label label = byPage.get(key(page.key(), text));
        return label != null ? label : bySite.get(key(page.domain(), text));
    }

    /** A page's or a site's key for one text: what the labels file writes and what training looks up must agree. */
    private static String key(String pageOrSite, String text) {
        return pageOrSite + "\u0000" + text;
    }
}
