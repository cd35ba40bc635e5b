package dev.winnow.spark;

import dev.winnow.batch.UsageException;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class dev.winnow.spark.CleanJob winnow-spark.jar --input PATH --output PATH}:
 * cleans a corpus on a cluster with the batch command's record rules, one output row for every
 * input row. See {@link JobOptions#USAGE}.
 *
 * <p>The job exits 0 when it wrote its output, whatever the number of error rows (those are data,
 * counted in the summary on stderr); 2 for a usage error; an exception (non-zero) when Spark
 * could not read the input or write the output.
 */
public final class CleanJob {

    /** What a run did, as the tasks counted it. */
    public record Summary(long rows, long errors, double seconds) {
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    private static final String CASE_SENSITIVE = "spark.sql.caseSensitive";

    private CleanJob() {
    }

    public static void main(String[] args) throws IOException {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("winnow-spark: " + e.getMessage());
            System.err.println(JobOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(JobOptions.USAGE);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("winnow clean " + options.input()).getOrCreate();
        int status = 0;
        try {
            Summary s = run(spark, options);
            System.err.println(String.format(Locale.ROOT, "winnow-spark: %d rows, %d error rows, %s -> %s in %.1f s (%.1f rows/s), model %s",
                    s.rows(), s.errors(), options.input(), options.output(), s.seconds(), s.rowsPerSecond(), ExecutorModel.winnow().modelId()));
        } catch (UsageException e) {
            // found only once the input is open: a Parquet table without the document column
            System.err.println("winnow-spark: " + e.getMessage());
            status = 2;
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Cleans the input into the output directory; the session stays open. */
    public static Summary run(SparkSession spark, JobOptions options) throws IOException, UsageException {
        long start = System.nanoTime();
        Counters counters = Counters.register(spark);
        switch (options.inputFormat()) {
            case PARQUET -> write(TableInput.clean(spark, options, counters), options);
            case WARC -> {
                JavaRDD<String> lines = WarcInput.outcomes(spark, options, counters);
                if (options.outputFormat() == JobOptions.OutputFormat.JSONL) {
                    writeLines(spark, lines, options);
                } else {
                    write(OutcomeTable.warc(spark, strings(spark, lines), options.blocks()), options);
                }
            }
            case JSONL -> {
                JavaRDD<String> lines = JsonLinesInput.outcomes(spark, options, counters);
                if (options.outputFormat() == JobOptions.OutputFormat.JSONL) {
                    writeLines(spark, lines, options); // the batch command's records, line for line
                } else {
                    Dataset<String> records = strings(spark, lines);
                    // The column types come from the records, so they are read twice: kept, not cleaned twice.
                    // JSON names are case-sensitive ("id" and "ID" are two members, as in batch), so are the columns.
                    records = records.persist();
                    String caseSensitive = spark.conf().get(CASE_SENSITIVE, "false");
                    spark.conf().set(CASE_SENSITIVE, "true");
                    try {
                        write(OutcomeTable.jsonLines(spark, records, options.blocks()), options);
                    } finally {
                        spark.conf().set(CASE_SENSITIVE, caseSensitive);
                        records.unpersist();
                    }
                }
            }
            default -> throw new IllegalStateException(options.inputFormat().name());
        }
        return new Summary(counters.rows().value(), counters.errors().value(), (System.nanoTime() - start) / 1e9);
    }

    private static Dataset<String> strings(SparkSession spark, JavaRDD<String> lines) {
        return spark.createDataset(lines.rdd(), Encoders.STRING());
    }

    /**
     * The records as text part files, through Hadoop's text output as {@code saveAsTextFile} writes
     * it: they are lines already, and Spark SQL's writer would add seconds of start-up for nothing.
     */
    private static void writeLines(SparkSession spark, JavaRDD<String> lines, JobOptions options)
            throws IOException, UsageException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path out = new Path(options.output());
        FileSystem fs = out.getFileSystem(conf);
        if (options.overwrite() && fs.exists(out)) {
            fs.delete(out, true);
        }
        String codec = options.compression();
        if (codec == null || codec.equalsIgnoreCase("none") || codec.equalsIgnoreCase("uncompressed")) {
            lines.saveAsTextFile(options.output());
            return;
        }
        CompressionCodec c = new CompressionCodecFactory(conf).getCodecByName(codec);
        if (c == null) {
            throw new UsageException("--compression: Hadoop knows no codec '" + codec + "' (gzip, bzip2, zstd, lz4, snappy, deflate)");
        }
        lines.saveAsTextFile(options.output(), c.getClass());
    }

    private static void write(Dataset<Row> rows, JobOptions options) {
        DataFrameWriter<Row> w = writer(rows, options);
        if (options.outputFormat() == JobOptions.OutputFormat.JSONL) {
            w.json(options.output());
        } else {
            w.parquet(options.output());
        }
    }

    private static DataFrameWriter<Row> writer(Dataset<Row> rows, JobOptions options) {
        DataFrameWriter<Row> w = rows.write().mode(options.overwrite() ? "overwrite" : "errorifexists");
        if (options.compression() != null) {
            w = w.option("compression", options.compression());
        }
        return w;
    }
}
