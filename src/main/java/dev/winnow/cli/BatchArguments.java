package dev.winnow.cli;

import dev.winnow.batch.BatchOptions;
import dev.winnow.batch.OptionValues;
import dev.winnow.batch.UsageException;
import dev.winnow.core.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code batch}, checked. Options may come before, between or after IN and
 * OUT, as {@code --name value} or {@code --name=value}; {@code --} ends the options.
 */
record BatchArguments(String in, String out, String drop, String format, boolean blocks, int threads, String htmlField,
        String textField, InputKind input, long maxRecordBytes, int maxBlocks, String model, double progressSeconds,
        boolean quiet, boolean help) {

    /** What IN holds; AUTO decides by what it is (a directory) or by its first bytes (WARC/ or JSON). */
    enum InputKind { AUTO, JSONL, WARC, DIR }

    static final String USAGE = """
            usage: java -jar quarkus-run.jar batch [options] IN OUT

              IN   JSON Lines (one document per line in "html" or "text"), a WARC or WET file, a
                   directory of .html/.txt files, or - for standard input; gzip is read as it is
              OUT  the JSON Lines to write, or - for standard output; a name ending in .gz is gzipped

            options:
              --drop LABELS          labels to remove, comma-separated, '' for none
                                     (default boilerplate,promo,paywall,donation)
              --format FORMAT        text (default), html or markdown
              --blocks               add every block with its label, score and whether it was kept
              --threads N            worker threads (default: one per core)
              --html-field NAME      the JSON field holding HTML (default html; '' for none)
              --text-field NAME      the JSON field holding plain text (default text; '' for none)
              --input KIND           jsonl, warc or dir (default: decided from IN)
              --max-record-bytes N   a larger line, page or file is an error record (default 10485760)
              --max-blocks N         a document with more blocks is an error record (default 50000)
              --model FILE           a model file written by train (default: the model in the jar)
              --progress SECONDS     progress on stderr every SECONDS (default 5; 0 for none)
              -q, --quiet            neither progress nor summary
              -h, --help             this text

            Every input record gives one output record, in input order: the input's other fields
            plus "clean", "labels" and (with --blocks) "blocks"; or, for a record that cannot be
            read or cleaned, {"error": "...", "line": n, ...the input's other fields}.
            exit status: 0 every record cleaned; 1 some records are error records; 2 usage error;
            3 the run stopped early (unreadable input, unwritable output, model not loaded)""";

    private static final Set<String> VALUE_OPTIONS = Set.of("--drop", "--format", "--threads", "--html-field",
            "--text-field", "--input", "--max-record-bytes", "--max-blocks", "--model", "--progress");

    static BatchArguments parse(String[] args) throws UsageException {
        List<String> positional = new ArrayList<>();
        String drop = null;
        String format = "text";
        boolean blocks = false;
        int threads = Runtime.getRuntime().availableProcessors();
        String htmlField = BatchOptions.DEFAULT_HTML_FIELD;
        String textField = BatchOptions.DEFAULT_TEXT_FIELD;
        InputKind input = InputKind.AUTO;
        long maxRecordBytes = BatchOptions.DEFAULT_MAX_RECORD_BYTES;
        int maxBlocks = Limits.DEFAULT.maxBlocks();
        String model = null;
        double progress = 5;
        boolean quiet = false;
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "-q", "--quiet" -> quiet = true;
                case "--blocks" -> blocks = value == null || OptionValues.bool(name, value);
                default -> {
                    if (!VALUE_OPTIONS.contains(name)) {
                        throw new UsageException("unknown option " + name);
                    }
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--drop" -> drop = value;
                        case "--format" -> format = value;
                        case "--threads" -> threads = (int) OptionValues.positive(name, value, 4096);
                        case "--html-field" -> htmlField = value;
                        case "--text-field" -> textField = value;
                        case "--input" -> input = inputKind(value);
                        case "--max-record-bytes" -> maxRecordBytes = OptionValues.positive(name, value, Integer.MAX_VALUE - 16);
                        case "--max-blocks" -> maxBlocks = (int) OptionValues.positive(name, value, Integer.MAX_VALUE);
                        case "--model" -> model = value;
                        case "--progress" -> progress = seconds(name, value);
                        default -> throw new UsageException("unknown option " + name);
                    }
                }
            }
        }
        if (help) {
            return new BatchArguments(null, null, drop, format, blocks, threads, htmlField, textField, input, maxRecordBytes,
                    maxBlocks, model, progress, quiet, true);
        }
        if (positional.size() != 2) {
            throw new UsageException(positional.size() < 2 ? "IN and OUT are required" : "only IN and OUT are taken, not "
                    + String.join(" ", positional.subList(2, positional.size())));
        }
        BatchArguments parsed = new BatchArguments(positional.get(0), positional.get(1), drop, format, blocks, threads, htmlField,
                textField, input, maxRecordBytes, maxBlocks, model, progress, quiet, false);
        parsed.batchOptions(); // checks drop, format and the fields now
        return parsed;
    }

    /** The options of every record, as {@code POST /v1/clean} reads them. */
    BatchOptions batchOptions() throws UsageException {
        return OptionValues.batchOptions(drop, format, blocks, htmlField, textField, maxRecordBytes, "--html-field/--text-field");
    }

    private static double seconds(String name, String value) throws UsageException {
        try {
            double s = Double.parseDouble(value.trim());
            if (s >= 0 && s < 1e6) {
                return s;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(name + ": expected a number of seconds, 0 for none, not '" + value + "'");
    }

    private static InputKind inputKind(String value) throws UsageException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson", "json" -> InputKind.JSONL;
            case "warc", "wet" -> InputKind.WARC;
            case "dir", "directory" -> InputKind.DIR;
            case "auto" -> InputKind.AUTO;
            default -> throw new UsageException("--input: expected jsonl, warc or dir, not '" + value + "'");
        };
    }
}
