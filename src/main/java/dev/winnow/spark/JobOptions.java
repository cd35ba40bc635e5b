package dev.winnow.spark;

import dev.winnow.batch.BatchOptions;
import dev.winnow.batch.OptionValues;
import dev.winnow.batch.UsageException;
import dev.winnow.core.Limits;
import dev.winnow.core.render.Format;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@link CleanJob}, checked on the driver. Serializable because every task
 * gets a copy; the tasks rebuild {@link BatchOptions} from it, as it is no Java serialisation.
 */
public record JobOptions(String input, String output, InputFormat inputFormat, OutputFormat outputFormat, String htmlColumn,
        String textColumn, String drop, String format, boolean blocks, long maxRecordBytes, int maxBlocks, long splitBytes,
        boolean overwrite, String compression) implements Serializable {

    /** What the input holds. */
    public enum InputFormat { JSONL, PARQUET, WARC }

    /** What the output is written as: a directory of part files either way, as Spark writes. */
    public enum OutputFormat { PARQUET, JSONL }

    /**
     * The most of an uncompressed JSON Lines file one task reads. Half Spark's default split: a
     * part of pages takes seconds to clean, not to read, so more, smaller tasks balance better.
     */
    public static final long DEFAULT_SPLIT_BYTES = 64L * 1024 * 1024;

    public static final String USAGE = """
            usage: spark-submit --class dev.winnow.spark.CleanJob winnow-spark.jar --input PATH --output PATH [options]

              --input PATH           a file, a directory or a glob on any Hadoop file system (file:, hdfs:, s3a:)
              --output PATH          the directory to write; it must not exist unless --overwrite
              --input-format F       jsonl, parquet or warc (WARC response and WET conversion records);
                                     default: parquet for a path ending in .parquet, warc for .warc, .warc.gz,
                                     .wet or .wet.gz, else jsonl
              --output-format F      parquet (default) or jsonl
              --html-column NAME     the column (JSON field) holding HTML (default html; '' for none)
              --text-column NAME     the column (JSON field) holding plain text (default text; '' for none)
              --drop LABELS          labels to remove, comma-separated, '' for none
                                     (default boilerplate,promo,paywall,donation)
              --format FORMAT        text (default), html or markdown
              --blocks               add every block with its label, score and whether it was kept
              --max-record-bytes N   a larger JSON line or WARC payload is an error row (default 10485760)
              --max-blocks N         a document with more blocks is an error row (default 50000)
              --split-bytes N        an uncompressed JSON Lines file is read by parallel tasks in parts of at most
                                     N bytes (default 67108864), smaller to give every core 3 parts
              --overwrite            replace the output directory if it exists
              --compression CODEC    the output's codec (Spark's names: snappy, gzip, zstd, none, ...)
              -h, --help             this text

            Every input row (JSON line, Parquet row, WARC response or conversion record) gives exactly one
            output row: its other columns, then clean, labels (blocks per label), blocks (with --blocks) and
            error (null, or why the row could not be read or cleaned). A bad row never fails the job.""";

    private static final Set<String> VALUE_OPTIONS = Set.of("--input", "--output", "--input-format", "--output-format",
            "--html-column", "--html-field", "--text-column", "--text-field", "--drop", "--format", "--max-record-bytes",
            "--max-blocks", "--split-bytes", "--compression");

    /** @return the options, or null when help was asked for */
    public static JobOptions parse(String... args) throws UsageException {
        String input = null;
        String output = null;
        String inputFormat = null;
        String outputFormat = "parquet";
        String html = BatchOptions.DEFAULT_HTML_FIELD;
        String text = BatchOptions.DEFAULT_TEXT_FIELD;
        String drop = null;
        String format = Format.TEXT.id();
        boolean blocks = false;
        long maxRecordBytes = BatchOptions.DEFAULT_MAX_RECORD_BYTES;
        long maxBlocks = Limits.DEFAULT.maxBlocks();
        long splitBytes = DEFAULT_SPLIT_BYTES;
        boolean overwrite = false;
        String compression = null;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            switch (name) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--blocks" -> blocks = value == null || OptionValues.bool(name, value);
                case "--overwrite" -> overwrite = value == null || OptionValues.bool(name, value);
                default -> {
                    if (!VALUE_OPTIONS.contains(name)) {
                        unknown.add(name);
                        continue;
                    }
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--input" -> input = value;
                        case "--output" -> output = value;
                        case "--input-format" -> inputFormat = value;
                        case "--output-format" -> outputFormat = value;
                        case "--html-column", "--html-field" -> html = value;
                        case "--text-column", "--text-field" -> text = value;
                        case "--drop" -> drop = value;
                        case "--format" -> format = value;
                        case "--max-record-bytes" -> maxRecordBytes = OptionValues.positive(name, value, Integer.MAX_VALUE - 16);
                        case "--max-blocks" -> maxBlocks = OptionValues.positive(name, value, Integer.MAX_VALUE);
                        case "--split-bytes" -> splitBytes = OptionValues.positive(name, value, Long.MAX_VALUE / 2);
                        case "--compression" -> compression = value;
                        default -> throw new IllegalStateException(name);
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown option " + String.join(", ", unknown));
        }
        if (input == null || input.isBlank() || output == null || output.isBlank()) {
            throw new UsageException("--input and --output are required");
        }
        JobOptions options = new JobOptions(input, output, inputFormat(inputFormat, input), outputFormat(outputFormat), html, text,
                drop, format, blocks, maxRecordBytes, (int) maxBlocks, splitBytes, overwrite, compression);
        options.batchOptions(); // checks drop, format and the columns now, on the driver
        return options;
    }

    /** The record rules' options, as the batch command builds them from the same flags. */
    public BatchOptions batchOptions() throws UsageException {
        return OptionValues.batchOptions(drop, format, blocks, htmlColumn, textColumn, maxRecordBytes, "--html-column/--text-column");
    }

    /** {@link #batchOptions()} in a task, where the options were already checked on the driver. */
    BatchOptions checkedBatchOptions() {
        try {
            return batchOptions();
        } catch (UsageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The block and depth limits of every document, as in the batch command. */
    Limits limits() {
        return new Limits(maxBlocks, Limits.DEFAULT.maxDepth());
    }

    private static InputFormat inputFormat(String value, String input) throws UsageException {
        if (value == null || value.equalsIgnoreCase("auto")) {
            String name = input.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            if (name.endsWith(".parquet")) {
                return InputFormat.PARQUET;
            }
            if (name.endsWith(".warc") || name.endsWith(".warc.gz") || name.endsWith(".wet") || name.endsWith(".wet.gz")) {
                return InputFormat.WARC;
            }
            return InputFormat.JSONL;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson", "json" -> InputFormat.JSONL;
            case "parquet" -> InputFormat.PARQUET;
            case "warc", "wet" -> InputFormat.WARC;
            default -> throw new UsageException("--input-format: expected jsonl, parquet or warc, not '" + value + "'");
        };
    }

    private static OutputFormat outputFormat(String value) throws UsageException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "parquet" -> OutputFormat.PARQUET;
            case "jsonl", "ndjson", "json" -> OutputFormat.JSONL;
            default -> throw new UsageException("--output-format: expected parquet or jsonl, not '" + value + "'");
        };
    }
}
