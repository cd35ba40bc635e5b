package dev.winnow.train;

import dev.winnow.core.Label;
import dev.winnow.core.segment.Block;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Labels blocks editorial or boilerplate by aligning them to a page's gold.
 *
 * <p>With gold main text: a block of four or more words is editorial when at least
 * {@value #EDITORIAL_COVER} of its word trigrams occur in the gold, boilerplate when at most
 * {@value #BOILERPLATE_COVER} do, and left unlabelled in between. A shorter block (a heading,
 * a list item) is editorial only when it equals a whole gold line, boilerplate when its words
 * occur nowhere in the gold in that order, and unlabelled otherwise. Snippets then override:
 * a block holding a {@code with} snippet is editorial, one holding or inside a {@code without}
 * snippet is boilerplate. With snippets only (trafilatura-eval), only those blocks get labels.
 */
public final class GoldAligner {
    private GoldAligner() {
    }

    static final double EDITORIAL_COVER = 0.6;
    static final double BOILERPLATE_COVER = 0.2;

    public static Label[] align(List<Block> blocks, Gold gold) {
        Label[] labels = new Label[blocks.size()];
        if (gold.mainText() != null) {
            alignToText(blocks, gold.mainText(), labels);
        }
        for (int i = 0; i < blocks.size(); i++) {
            String text = Snippets.normalise(blocks.get(i).text());
            if (text.isEmpty()) {
                continue;
            }
            for (String w : gold.without()) {
                String snippet = Snippets.normalise(w);
                if (!snippet.isEmpty() && (text.contains(snippet) || text.length() >= 4 && snippet.contains(text))) {
                    labels[i] = Label.BOILERPLATE;
                }
            }
            for (String w : gold.with()) {
                String snippet = Snippets.normalise(w);
                if (snippet.length() >= 8 && text.contains(snippet)) {
                    labels[i] = Label.EDITORIAL;
                }
            }
        }
        return labels;
    }

    private static void alignToText(List<Block> blocks, String mainText, Label[] labels) {
        Set<Long> trigrams = new HashSet<>();
        Set<String> lines = new HashSet<>();
        List<String> goldWords = Tokens.of(mainText);
        for (int i = 2; i < goldWords.size(); i++) {
            trigrams.add(trigram(goldWords, i));
        }
        for (String line : mainText.split("\n")) {
            List<String> words = Tokens.of(line);
            if (!words.isEmpty()) {
                lines.add(String.join(" ", words));
            }
        }
        String goldJoined = " " + String.join(" ", goldWords) + " ";
        for (int b = 0; b < blocks.size(); b++) {
            List<String> words = Tokens.of(blocks.get(b).text());
            if (words.isEmpty()) {
                labels[b] = lines.isEmpty() ? Label.BOILERPLATE : null;
                continue;
            }
            if (words.size() >= 4) {
                int hits = 0;
                for (int i = 2; i < words.size(); i++) {
                    if (trigrams.contains(trigram(words, i))) {
                        hits++;
                    }
                }
                double cover = (double) hits / (words.size() - 2);
                labels[b] = cover >= EDITORIAL_COVER ? Label.EDITORIAL : cover <= BOILERPLATE_COVER ? Label.BOILERPLATE : null;
            } else {
                String joined = String.join(" ", words);
                if (lines.contains(joined)) {
                    labels[b] = Label.EDITORIAL;
                } else if (!goldJoined.contains(" " + joined + " ")) {
                    labels[b] = Label.BOILERPLATE;
                }
            }
        }
    }

    private static long trigram(List<String> words, int end) {
        long h = words.get(end - 2).hashCode();
        h = h * 1_000_003L + words.get(end - 1).hashCode();
        return h * 1_000_003L + words.get(end).hashCode();
    }
}
