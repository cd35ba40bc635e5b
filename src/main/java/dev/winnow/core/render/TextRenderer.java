package dev.winnow.core.render;

import dev.winnow.core.segment.Block;
import java.util.List;

/** One block per line. Text input lines come back exactly as they were sent. */
public final class TextRenderer implements Renderer {
    static final TextRenderer INSTANCE = new TextRenderer();

    @Override
    public String render(List<Block> kept) {
        StringBuilder out = new StringBuilder();
        for (Block block : kept) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(block.raw());
        }
        return out.toString();
    }
}
