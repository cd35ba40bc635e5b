package dev.winnow.core.segment;

import java.util.List;

/** Splits a document into blocks in reading order. */
public interface Segmenter {
    List<Block> segment(String document);
}
