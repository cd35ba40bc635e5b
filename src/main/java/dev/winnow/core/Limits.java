package dev.winnow.core;

/**
 * Bounds on the work one document may cause.
 *
 * @param maxBlocks a document with more blocks is refused
 * @param maxDepth  elements nested deeper than this are read as text of their ancestor
 */
public record Limits(int maxBlocks, int maxDepth) {
    public static final Limits DEFAULT = new Limits(50_000, 512);
}
