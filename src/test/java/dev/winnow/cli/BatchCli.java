package dev.winnow.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The batch command in process, for the tests of another layer that must give the batch
 * command's records (the Spark job).
 */
public final class BatchCli {

    private BatchCli() {
    }

    /**
     * Runs {@code batch ARGS IN -} and returns its output records, one JSON line each, in order.
     * Fails unless the run completed (exit 0, or 1 for a run with error records).
     */
    public static List<String> records(String in, String... options) {
        String[] args = new String[options.length + 3];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "-q";
        args[options.length + 1] = in;
        args[options.length + 2] = "-";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BatchCommand.run(args, new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(exit == BatchCommand.OK || exit == BatchCommand.RECORD_ERRORS,
                () -> "batch " + String.join(" ", args) + " exited " + exit + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
