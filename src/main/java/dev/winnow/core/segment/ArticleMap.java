package dev.winnow.core.segment;

import java.util.List;

/**
 * Finds the container that holds the article, as Readability does, and tells each block where
 * it stands from it. Readability's rule: every paragraph of 25 characters or more gives its parent
 * 1 point, 1 per comma and 1 per 100 characters (at most 3), its grandparent half of that and
 * the ancestors above a third per level; a container's score is then discounted by its link
 * density, and the highest wins. Here every block counts as a paragraph, since the segmenter
 * has already cut the page into them.
 */
final class ArticleMap {
    private static final int SCORED_LEVELS = 5;
    private static final int NEAR = 4;

    private ArticleMap() {
    }

    /** Adds a block's text to every container above it and its content points to the five nearest. */
    static void add(Container container, int index, String text, int linkChars) {
        int length = text.length();
        for (Container up = container; up != null; up = up.parent) {
            up.chars += length;
            up.linkChars += linkChars;
            up.blocks++;
            if (up.firstBlock < 0) {
                up.firstBlock = index;
            }
            up.lastBlock = index;
        }
        if (length < 25) {
            return;
        }
        int commas = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
                commas++;
            }
        }
        double points = 1 + commas + Math.min(3, length / 100);
        Container up = container.parent;
        for (int level = 0; level < SCORED_LEVELS && up != null; level++, up = up.parent) {
            up.addScore(points / (level == 0 ? 1 : level == 1 ? 2 : level * 3));
        }
    }

    static ArticleSignals[] signals(Container root, List<Container> ofBlock, List<Container> all) {
        Container best = root;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Container c : all) {
            double s = c.finalScore();
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        double threshold = Math.max(10, 0.2 * bestScore);
        // a page or article element that names its comments' state ("has-comments" on the body,
        // "no-comments" on the post) holds the article; only a section beside or inside it is one
        for (Container up = best.parent; up != null; up = up.parent) {
            up.holdsBest = true;
        }
        double share = root.chars == 0 ? 0 : (double) best.chars / root.chars;
        ArticleSignals[] out = new ArticleSignals[ofBlock.size()];
        for (int i = 0; i < out.length; i++) {
            Container c = ofBlock.get(i);
            boolean inBest = false;
            boolean inArticle = false;
            double nearScore = 0;
            Container unit = null;
            Container area = null;
            boolean comments = false;
            boolean commentSection = false;
            int steps = 0;
            for (Container up = c; up != null; up = up.parent, steps++) {
                if (up == best) {
                    inBest = true;
                    inArticle = true;
                } else if (up.parent == best.parent && up.parent != null && up.finalScore() >= threshold) {
                    inArticle = true;
                }
                if (steps <= NEAR && bestScore > 0 && up.scored) {
                    nearScore = Math.max(nearScore, Math.max(0, up.finalScore()) / bestScore);
                }
                if (unit == null && steps <= NEAR && up.alike >= 3) {
                    unit = up;
                }
                if (area == null && up.blocks >= 4) {
                    area = up;
                }
                comments |= up.comments;
                commentSection |= up.comments && !up.holdsBest;
            }
            out[i] = new ArticleSignals(inBest, inArticle, i < best.firstBlock, i > best.lastBlock, distance(c, best),
                    share, Math.min(1, nearScore), unit == null ? 0 : unit.alike, unit == null ? 0 : unit.linkDensity(),
                    unit == null ? 0 : unit.chars, comments, commentSection, area == null ? 0 : area.linkDensity());
        }
        return out;
    }

    /** Steps up from each to their closest common ancestor, added. */
    static int distance(Container a, Container b) {
        int steps = 0;
        while (a.level > b.level) {
            a = a.parent;
            steps++;
        }
        while (b.level > a.level) {
            b = b.parent;
            steps++;
        }
        while (a != b) {
            a = a.parent;
            b = b.parent;
            steps += 2;
        }
        return steps;
    }
}
