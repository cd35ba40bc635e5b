package dev.winnow.train;

import java.util.List;

/**
 * What a benchmark says about a page's main content.
 *
 * @param mainText the gold main text, or null where the source gives only snippets
 * @param with     snippets that a correct extraction contains
 * @param without  snippets of boilerplate that it must not contain
 */
public record Gold(String mainText, List<String> with, List<String> without) {
}
