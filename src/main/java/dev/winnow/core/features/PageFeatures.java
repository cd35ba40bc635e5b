package dev.winnow.core.features;

import dev.winnow.core.segment.ArticleSignals;
import dev.winnow.core.segment.Block;
import dev.winnow.core.segment.DomContext;
import dev.winnow.core.segment.Landmark;
import java.util.Arrays;
import java.util.List;
import smile.util.SparseArray;

/**
 * The feature rows of one page: one row per block, each made of the block's own features and
 * those of its neighbours. Every block's measures are computed once and reused by the rows
 * of the blocks around it.
 *
 * <p>A row is a sparse vector of {@link #DIMENSION} entries: the first {@link #DENSE} hold
 * numeric measures scaled to about [0, 1]; the rest are hashed symbolic features (words,
 * bigrams, tag, landmarks, class words, binned measures), each group namespaced by seed.
 */
public final class PageFeatures {

    /** Bits of the hashed space. Part of the model format: a model is trained for one size. */
    public static final int BITS = 16;
    public static final int DIMENSION = 1 << BITS;
    /** Entries below this index are the dense measures; the hashed features follow. */
    public static final int DENSE = 48;
    private static final int HASHED = DIMENSION - DENSE;

    private static final int[] NEIGHBOUR_OFFSETS = {-2, -1, 1, 2};
    private static final int EDGE = Hashing.of(Hashing.STRUCT, "edge");

    private final List<Block> blocks;
    private final TextStats[] stats;
    private final double[][] dense;
    private final int[][] structure;
    private final int[][] lexical;
    /** Each block's word stems ({@link TextStats#prefixKeys}): only a words-only scorer reads them. */
    private final int[][] stems;
    /**
     * What a stem weighs beside a word: below one, the scorer's penalty costs a stem's weight more
     * than a word's, so it leans on a stem where the word itself says nothing (a form no training
     * page used) more than on stems that join unrelated words ("contribute", "contract").
     */
    static final double STEM_WEIGHT = 0.7;

    private PageFeatures(List<Block> blocks) {
        this.blocks = blocks;
        int n = blocks.size();
        stats = new TextStats[n];
        long totalWords = 0;
        int maxWords = 1;
        for (int i = 0; i < n; i++) {
            stats[i] = TextStats.of(blocks.get(i).text());
            totalWords += stats[i].wordCount();
            maxWords = Math.max(maxWords, stats[i].wordCount());
        }
        dense = new double[n][];
        structure = new int[n][];
        lexical = new int[n][];
        stems = new int[n][];
        long wordsBefore = 0;
        for (int i = 0; i < n; i++) {
            dense[i] = dense(i, n, wordsBefore, totalWords, maxWords);
            structure[i] = structure(i);
            lexical[i] = lexical(stats[i]);
            stems[i] = stats[i].prefixKeys();
            wordsBefore += stats[i].wordCount();
        }
    }

    public static PageFeatures of(List<Block> blocks) {
        return new PageFeatures(blocks);
    }

    public int size() {
        return blocks.size();
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** A few raw measures the context pass reads next to the first-pass scores. */
    public double[] measures(int i) {
        return dense[i];
    }

    /** Receives a row's entries in no particular order; an index may come more than once, and its values add up. */
    @FunctionalInterface
    public interface RowSink {
        void add(int index, double value);

        /**
         * Adds each of {@code keys} with {@code value}: hashed as it is ({@code offset} 0), or as a
         * neighbour's key at {@code offset}.
         */
        default void addKeys(int[] keys, int offset, double value) {
            for (int key : keys) {
                add(index(key, offset), value);
            }
        }
    }

    /** A reusable holder of one row's entries, unsorted and unmerged, for a scorer's tight loop. */
    public static final class RowBuffer implements RowSink {
        private int[] indices = new int[1024];
        private double[] values = new double[1024];
        private int size;
        /**
         * Where the block's own words stand in the row, and where its stems start after the
         * first pass's entries: the words-only scorers read just the first run, or those two.
         */
        private int wordsFrom;
        private int wordsTo;
        private int stemsFrom;

        @Override
        public void add(int index, double value) {
            room(1);
            indices[size] = index;
            values[size] = value;
            size++;
        }

        /**
         * The same entries as the interface's, with room made once per run and the count kept in a
         * local: a row holds hundreds of keys, most of them the neighbours' words.
         */
        @Override
        public void addKeys(int[] keys, int offset, double value) {
            room(keys.length);
            int[] at = indices;
            double[] of = values;
            int n = size;
            for (int key : keys) {
                at[n] = index(key, offset);
                of[n] = value;
                n++;
            }
            size = n;
        }

        private void room(int more) {
            if (size + more > indices.length) {
                int capacity = Math.max(size + more, indices.length * 2);
                indices = Arrays.copyOf(indices, capacity);
                values = Arrays.copyOf(values, capacity);
            }
        }

        public int size() {
            return size;
        }

        public int[] indices() {
            return indices;
        }

        public double[] values() {
            return values;
        }

        /** The first entry of {@link #wordRow}'s within a row {@link #row(int, RowBuffer)} filled. */
        public int wordsFrom() {
            return wordsFrom;
        }

        /** The end of those entries, exclusive. */
        public int wordsTo() {
            return wordsTo;
        }

        /**
         * The first of the block's stems, which run to {@link #size()}: the first pass reads the
         * row up to here, the stemmed words-only scorer from here on after its words.
         */
        public int stemsFrom() {
            return stemsFrom;
        }
    }

    /** Fills {@code row} with block {@code i}'s entries for the first pass and the words-only scorers, replacing what it held. */
    public void row(int i, RowBuffer row) {
        firstRow(i, row);
        stems(i, row);
    }

    /** Fills {@code row} with block {@code i}'s first-pass entries alone: a model without a words-only scorer reads no stems. */
    public void firstRow(int i, RowBuffer row) {
        row.size = 0;
        ownLayout(i, row);
        row.wordsFrom = row.size;
        words(i, row);
        row.wordsTo = row.size;
        neighbours(i, row);
        row.stemsFrom = row.size;
    }

    /** The first-pass row of block {@code i} (its own features and its neighbours', without stems), sorted and merged, as Smile trains on it. */
    public SparseArray row(int i) {
        RowBuilder row = new RowBuilder(512);
        row(i, row::add);
        return row.build();
    }

    /** The entries of block {@code i}'s first-pass row, unsorted and unmerged: a linear scorer needs neither. */
    public void row(int i, RowSink row) {
        ownLayout(i, row);
        words(i, row);
        neighbours(i, row);
    }

    /** The first part of a row: block {@code i}'s dense measures and structure keys. */
    private void ownLayout(int i, RowSink row) {
        double[] d = dense[i];
        for (int j = 0; j < d.length; j++) {
            if (d[j] != 0) {
                row.add(j, d[j]);
            }
        }
        row.addKeys(structure[i], 0, 1.0);
    }

    /** The last part of a row, after the block's own words: its neighbours' structure keys and the nearest ones' words. */
    private void neighbours(int i, RowSink row) {
        for (int offset : NEIGHBOUR_OFFSETS) {
            int j = i + offset;
            if (j < 0 || j >= blocks.size()) {
                row.add(hashed(Hashing.combine(offset, EDGE)), 1.0);
                continue;
            }
            row.addKeys(structure[j], offset, 0.5);
            if (offset == -1 || offset == 1) {
                int[] neighbourWords = lexical[j];
                row.addKeys(neighbourWords, offset, neighbourWords.length == 0 ? 0 : 0.5 / Math.sqrt(neighbourWords.length));
            }
        }
    }

    /**
     * Block {@code i}'s own words, bigrams and stems and nothing else, for the stemmed words-only
     * scorer: what a block says, in whatever form its words take, with no say for where it stands
     * or how it looks.
     */
    public void stemmedWordRow(int i, RowSink row) {
        words(i, row);
        stems(i, row);
    }

    private void words(int i, RowSink row) {
        add(lexical[i], row);
    }

    /**
     * The stems are read by a words-only scorer alone: in the first pass they gave article text
     * about subscriptions the features of a subscription notice (model/README.md, "Word prefixes").
     */
    private void stems(int i, RowSink row) {
        add(stems[i], STEM_WEIGHT, row);
    }

    private static void add(int[] keys, RowSink row) {
        add(keys, 1.0, row);
    }

    private static void add(int[] keys, double scale, RowSink row) {
        row.addKeys(keys, 0, keys.length == 0 ? 0 : scale / Math.sqrt(keys.length));
    }

    /** The same, reusing {@code row}, which tells where the words end and the stems start. */
    public void stemmedWordRow(int i, RowBuffer row) {
        row.size = 0;
        row.wordsFrom = 0;
        words(i, row);
        row.wordsTo = row.size;
        row.stemsFrom = row.size;
        stems(i, row);
    }

    /** The same, sorted and merged, as Smile trains on it. */
    public SparseArray stemmedWordRow(int i) {
        RowBuilder row = new RowBuilder(128);
        stemmedWordRow(i, row::add);
        return row.build();
    }

    /**
     * Block {@code i}'s own words and bigrams and nothing else, sorted and merged: the row of the
     * words-only scorer whose scores the context pass's first stage reads, which holds no stems, so
     * that stems never decide whether a block is kept.
     */
    public SparseArray wordRow(int i) {
        RowBuilder row = new RowBuilder(128);
        words(i, row::add);
        return row.build();
    }

    /** The same, reusing {@code row}. */
    public void wordRow(int i, RowBuffer row) {
        row.size = 0;
        words(i, row);
    }

    /**
     * The row index of {@code key} as its block's own ({@code offset} 0) or as the key of the
     * neighbour at {@code offset} (never 0).
     */
    static int index(int key, int offset) {
        return hashed(offset == 0 ? key : Hashing.combine(offset, key));
    }

    /**
     * {@code DENSE + Math.floorMod(key, HASHED)}, written out: with {@code floorMod} labelling took
     * 10–20 % longer (docs/performance.md), and a remainder by a constant with its sign mended by
     * a mask gives the same index ({@code RowEntriesTest}).
     */
    static int hashed(int key) {
        int remainder = key % HASHED;
        return DENSE + remainder + ((remainder >> 31) & HASHED);
    }

    private double[] dense(int i, int n, long wordsBefore, long totalWords, int maxWords) {
        TextStats s = stats[i];
        DomContext c = blocks.get(i).context();
        double[] d = new double[DENSE];
        d[0] = Math.log1p(s.wordCount()) / 6;
        d[1] = Math.min(s.avgWordLength(), 15) / 10;
        d[2] = Math.min(s.avgSentenceLength(), 60) / 30;
        d[3] = s.capitalisedShare();
        d[4] = s.upperShare();
        d[5] = s.digitShare();
        d[6] = s.punctuationShare();
        d[7] = Math.min(s.textDensity(), 20) / 15;
        d[8] = s.endsWithTerminal() ? 1 : 0;
        d[9] = s.chars() == 0 ? 0 : (double) c.linkChars() / s.chars();
        d[10] = n <= 1 ? 0 : (double) i / (n - 1);
        d[11] = totalWords == 0 ? 0 : (double) wordsBefore / totalWords;
        d[12] = Math.log1p(i) / 6;
        d[13] = Math.log1p(n - 1 - i) / 6;
        d[14] = c.isHtml() ? 1 : 0;
        d[15] = Math.min(c.depth(), 40) / 30.0;
        d[16] = (double) s.wordCount() / maxWords;
        d[17] = Math.log1p(totalWords) / 10;
        d[18] = s.endsWithColon() ? 1 : 0;
        d[19] = s.startsWithBullet() ? 1 : 0;
        d[20] = s.hasCopyright() ? 1 : 0;
        d[21] = s.hasAddress() ? 1 : 0;
        d[22] = s.hasPipe() ? 1 : 0;
        d[23] = totalWords == 0 ? 0 : (double) (wordsBefore + s.wordCount()) / totalWords;
        ArticleSignals a = c.article();
        d[24] = a.inBest() ? 1 : 0;
        d[25] = a.inArticle() ? 1 : 0;
        d[26] = a.before() ? 1 : 0;
        d[27] = a.after() ? 1 : 0;
        d[28] = Math.log1p(a.distance()) / 3;
        d[29] = a.bestShare();
        d[30] = a.ancestorScore();
        d[31] = Math.log1p(a.alike()) / 4;
        d[32] = a.unitLinks();
        d[33] = Math.log1p(a.unitChars()) / 8;
        d[34] = a.comments() ? 1 : 0;
        d[35] = a.areaLinks();
        d[36] = a.commentSection() ? 1 : 0;
        return d;
    }

    private int[] structure(int i) {
        TextStats s = stats[i];
        DomContext c = blocks.get(i).context();
        IntList keys = new IntList(48);
        keys.add(Hashing.of(Hashing.STRUCT, "tag=", c.tag()));
        for (Landmark landmark : Landmark.values()) {
            if (c.has(landmark)) {
                keys.add(Hashing.of(Hashing.STRUCT, "in=", landmark.id()));
            }
        }
        for (String word : c.classWords()) {
            keys.add(Hashing.of(Hashing.STRUCT, "cls=", word));
        }
        LinkTargets.addKeys(c.links(), keys);
        if (c.isHtml()) {
            articleKeys(c, keys);
        }
        keys.add(Hashing.of(Hashing.STRUCT, "words=", bucket(s.wordCount(), 1, 2, 3, 5, 8, 12, 20, 35, 60, 100)));
        keys.add(Hashing.of(Hashing.STRUCT, "density=", bucket((int) s.textDensity(), 2, 4, 6, 8, 10, 12, 15)));
        int linkPercent = s.chars() == 0 ? 0 : 100 * c.linkChars() / s.chars();
        keys.add(Hashing.of(Hashing.STRUCT, "links=", bucket(linkPercent, 1, 20, 50, 80, 99)));
        keys.add(Hashing.of(Hashing.STRUCT, "end=", (s.endsWithTerminal() ? "stop" : s.endsWithColon() ? "colon" : "none")));
        keys.add(Hashing.of(Hashing.STRUCT, "caps=", bucket((int) (s.capitalisedShare() * 10), 2, 4, 6, 8, 10)));
        int n = blocks.size();
        keys.add(Hashing.of(Hashing.STRUCT, "pos=", (n <= 1 ? 0 : (10 * i) / n)));
        keys.add(Hashing.of(Hashing.STRUCT, "fromEnd=", bucket(n - 1 - i, 0, 1, 2, 4, 8, 16)));
        if (s.wordCount() > 0) {
            keys.add(s.firstKey());
            keys.add(s.lastKey());
        }
        return keys.toArray();
    }

    /**
     * Where the block stands from the article, crossed with its tag: a linear first pass cannot
     * combine "after the article" with "a list item" by itself, and teaser lists, comment
     * sections and share rows are exactly such combinations.
     */
    private static void articleKeys(DomContext c, IntList keys) {
        ArticleSignals a = c.article();
        String where = a.inBest() ? "in" : a.inArticle() ? "beside" : a.before() ? "before" : a.after() ? "after" : "around";
        keys.add(Hashing.of(Hashing.STRUCT, "art=", where));
        keys.add(Hashing.of(Hashing.STRUCT, "art=" + where + "|" + c.tag()));
        keys.add(Hashing.of(Hashing.STRUCT, "artDist=", bucket(a.distance(), 0, 1, 2, 3, 5, 8)));
        keys.add(Hashing.of(Hashing.STRUCT, "artShare=", bucket((int) (a.bestShare() * 10), 1, 3, 5, 7, 9)));
        if (a.alike() >= 3) {
            int links = bucket((int) (a.unitLinks() * 10), 0, 3, 6, 9);
            int size = bucket(a.unitChars(), 40, 100, 250, 600);
            keys.add(Hashing.of(Hashing.STRUCT, "rep=" + bucket(a.alike(), 3, 5, 10, 20) + "|" + links + "|" + size));
            keys.add(Hashing.of(Hashing.STRUCT, "rep|" + where + "|" + links));
        }
        if (a.comments()) {
            keys.add(Hashing.of(Hashing.STRUCT, "comments|", where));
        }
        if (a.commentSection()) {
            keys.add(Hashing.of(Hashing.STRUCT, "commentSection|", where));
        }
        keys.add(Hashing.of(Hashing.STRUCT, "area=" + bucket((int) (a.areaLinks() * 10), 1, 3, 5, 7, 9) + "|" + where));
    }

    private static int[] lexical(TextStats s) {
        int[] words = s.wordKeys();
        int[] bigrams = s.bigramKeys();
        if (words.length == 0) {
            return words;
        }
        int[] keys = new int[2 * words.length - 1];
        keys[0] = words[0];
        for (int i = 1, k = 1; i < words.length; i++) {
            keys[k++] = words[i];
            keys[k++] = Hashing.combine(bigrams[i - 1], words[i]);
        }
        return keys;
    }

    private static int bucket(int value, int... upperBounds) {
        for (int b = 0; b < upperBounds.length; b++) {
            if (value <= upperBounds[b]) {
                return b;
            }
        }
        return upperBounds.length;
    }

    /** A growable int array: rows are built per request, so boxing is worth avoiding. */
    static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(4, capacity)];
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
