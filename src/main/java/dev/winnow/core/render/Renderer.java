package dev.winnow.core.render;

import dev.winnow.core.segment.Block;
import java.util.List;

/** Turns the kept blocks, in document order, into the output document. */
public interface Renderer {
    String render(List<Block> kept);
}
