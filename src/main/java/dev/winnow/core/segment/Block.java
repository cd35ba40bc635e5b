package dev.winnow.core.segment;

import org.jsoup.nodes.Element;

/**
 * One unit of reading: a heading, a paragraph, a list item, a table row, a caption, a line of text.
 *
 * @param index   position in reading order, from 0
 * @param text    the text with white space collapsed; what features and labels see
 * @param raw     the text as it should be given back: the line exactly as sent for text input,
 *                the same as {@code text} for HTML
 * @param context where the block sits in the page
 * @param source  the element the block came from when the block is that whole element, so the
 *                HTML renderer can keep its inline markup; null for text input and partial blocks
 */
public record Block(int index, String text, String raw, DomContext context, Element source) {
}
