package dev.winnow.spark;

import dev.winnow.batch.JsonLinesSource;
import dev.winnow.batch.RecordCleaner;
import dev.winnow.batch.RecordIterator;
import dev.winnow.batch.Streams;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * JSON Lines in, through the batch layer's own reader ({@link JsonLinesSource}) and record rules,
 * so every line gives the record the batch command gives it: the same pass-through, the same
 * error for a line that is not JSON, too long, or without a document, and the same line number.
 *
 * <p>Spark's own text reader is not used: it cannot number lines within a file, and it would hold
 * a line of any length in memory, where the batch reader skips one over the record limit. Instead
 * a compressed or small file is one task; a large uncompressed file is read in parts by parallel
 * tasks, and a first, cheap job counts the line breaks of every part so that each part knows the
 * number of its first line.
 */
final class JsonLinesInput {

    /**
     * One task's share of the input.
     *
     * @param firstLine the number of the part's first line in its file, from 1
     * @param whole     the whole file, decompressed as the batch command does
     */
    record Part(InputFile file, long start, long end, long firstLine, boolean whole) implements Serializable {
    }

    private JsonLinesInput() {
    }

    /** The output records of every line of the input, as JSON, in input order. */
    static JavaRDD<String> outcomes(SparkSession spark, JobOptions options, Counters counters) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Broadcast<HadoopConf> hadoop = jsc.broadcast(new HadoopConf(conf));
        List<InputFile> files = InputFile.list(conf, options.input());
        long splitBytes = splitBytes(files, new CompressionCodecFactory(conf), options.splitBytes(), jsc.defaultParallelism());
        List<Part> parts = plan(jsc, hadoop, conf, files, splitBytes);
        return jsc.parallelize(parts, parts.size())
                .mapPartitions(it -> read(it.next(), options, hadoop.value().get(), counters));
    }

    /** No part is smaller: a task costs some tens of milliseconds, a megabyte of pages some seconds to clean. */
    static final long MIN_SPLIT_BYTES = 1L << 20;

    /** Parts per core at least, when the input is large enough: the last wave of tasks leaves cores idle. */
    static final int PARTS_PER_CORE = 3;

    /**
     * The part size: at most {@code maxSplitBytes}, and small enough to give every core
     * {@link #PARTS_PER_CORE} parts of the uncompressed input, as Spark sizes its own file splits
     * by the bytes per core.
     */
    static long splitBytes(List<InputFile> files, CompressionCodecFactory codecs, long maxSplitBytes, int cores) {
        long total = 0;
        for (InputFile f : files) {
            if (codecs.getCodec(new Path(f.path())) == null) {
                total += f.length();
            }
        }
        long perCore = (total + (long) PARTS_PER_CORE * cores - 1) / ((long) PARTS_PER_CORE * Math.max(1, cores));
        return Math.min(maxSplitBytes, Math.max(MIN_SPLIT_BYTES, perCore));
    }

    static List<Part> plan(JavaSparkContext jsc, Broadcast<HadoopConf> hadoop, Configuration conf, List<InputFile> files,
            long splitBytes) {
        CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
        List<Part> toCount = new ArrayList<>();
        for (InputFile f : files) {
            if (splittable(codecs, f, splitBytes)) {
                for (long start = 0; start < f.length(); start += splitBytes) {
                    toCount.add(new Part(f, start, Math.min(f.length(), start + splitBytes), 0, false));
                }
            }
        }
        List<long[]> counts = toCount.isEmpty() ? List.of()
                : jsc.parallelize(toCount, toCount.size()).map(p -> count(hadoop.value().get(), p)).collect();

        List<Part> parts = new ArrayList<>();
        int next = 0;
        for (InputFile f : files) {
            if (!splittable(codecs, f, splitBytes)) {
                parts.add(new Part(f, 0, f.length(), 1, true));
                continue;
            }
            int first = next;
            while (next < toCount.size() && toCount.get(next).file().equals(f)) {
                next++;
            }
            if (counts.get(first)[1] == 1) {
                parts.add(new Part(f, 0, f.length(), 1, true)); // gzip without a .gz name: not splittable after all
                continue;
            }
            long breaksBefore = 0;
            for (int i = first; i < next; i++) {
                Part p = toCount.get(i);
                // A line starts at 0 and after every break; the breaks before start - 1 were counted by the parts before.
                long firstLine = p.start() == 0 ? 1 : 2 + breaksBefore;
                parts.add(new Part(f, p.start(), p.end(), firstLine, false));
                breaksBefore += counts.get(i)[0];
            }
        }
        return parts;
    }

    private static boolean splittable(CompressionCodecFactory codecs, InputFile f, long splitBytes) {
        return f.length() > splitBytes && codecs.getCodec(new Path(f.path())) == null;
    }

    /**
     * The line breaks in {@code [start - 1, end - 1)} of the part's file (from 0 for the first
     * part), so that the counts of a file's parts add up to the breaks before each part's first
     * line; and whether the file starts like gzip.
     */
    private static long[] count(Configuration conf, Part p) throws IOException {
        Path path = new Path(p.file().path());
        FileSystem fs = path.getFileSystem(conf);
        try (FSDataInputStream in = fs.open(path)) {
            boolean gzip = false;
            if (p.start() == 0) {
                gzip = in.read() == 0x1f && in.read() == 0x8b;
            }
            long from = Math.max(0, p.start() - 1);
            in.seek(from);
            return new long[] {SplitStream.newlines(in, p.end() - 1 - from), gzip ? 1 : 0};
        }
    }

    private static Iterator<String> read(Part part, JobOptions options, Configuration conf, Counters counters) {
        RecordCleaner cleaner = ExecutorModel.cleaner(options.checkedBatchOptions(), options.limits());
        InputStream in;
        try {
            in = open(part, conf);
        } catch (IOException | RuntimeException e) {
            return OutcomeLines.unopened(cleaner, part.file(), e, counters);
        }
        JsonLinesSource source = new JsonLinesSource(in, cleaner, part.firstLine(), OutcomeLines.origin(part.file()));
        return new OutcomeLines(new RecordIterator(source), in, counters);
    }

    private static InputStream open(Part part, Configuration conf) throws IOException {
        Path path = new Path(part.file().path());
        FileSystem fs = path.getFileSystem(conf);
        FSDataInputStream raw = fs.open(path);
        try {
            if (!part.whole()) {
                return SplitStream.open(raw, part.start(), part.end());
            }
            CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
            if (codec != null && !(codec instanceof GzipCodec)) {
                return codec.createInputStream(raw); // .bz2, .zst, ... as the cluster's Hadoop reads them
            }
            // gzip by its magic number, whatever the name, as the batch command decides
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            return Streams.isGzip(buffered) ? Streams.gunzip(buffered) : buffered;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
