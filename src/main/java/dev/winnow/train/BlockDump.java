package dev.winnow.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.core.Label;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.HtmlSegmenter;
import dev.winnow.core.segment.Landmark;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A labelling tool: writes every block of every shared page, with its DOM context and the
 * label the gold alignment gives it, as JSON Lines, for people to search and label by reading.
 */
public final class BlockDump {
    private BlockDump() {
    }

    public static void main(String[] args) throws IOException {
        SharedData data = SharedData.locate(args.length > 1 ? args[1] : null).require();
        Path out = Path.of(args.length > 0 ? args[0] : "target/blocks.jsonl.gz");
        ObjectMapper json = new ObjectMapper();
        HtmlSegmenter segmenter = new HtmlSegmenter();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
            for (SourcePage page : SourcePages.all(data)) {
                List<Block> blocks = segmenter.segment(page.parse());
                Label[] labels = GoldAligner.align(blocks, page.gold());
                for (Block b : blocks) {
                    ObjectNode o = json.createObjectNode();
                    o.put("page", page.key());
                    o.put("domain", page.domain());
                    o.put("split", page.split().id());
                    o.put("i", b.index());
                    o.put("n", blocks.size());
                    o.put("tag", b.context().tag());
                    List<String> landmarks = new ArrayList<>();
                    for (Landmark l : Landmark.values()) {
                        if (b.context().has(l)) {
                            landmarks.add(l.id());
                        }
                    }
                    o.put("in", String.join(",", landmarks));
                    o.put("cls", String.join(" ", b.context().classWords()));
                    o.put("gold", labels[b.index()] == null ? "?" : labels[b.index()].id());
                    o.put("text", b.text());
                    w.write(json.writeValueAsString(o));
                    w.write('\n');
                }
            }
        }
        System.err.println("wrote " + out);
    }
}
