package dev.winnow.cli;

import dev.winnow.train.TrainCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The one entry point of {@code quarkus-run.jar}. With no command, or {@code serve}, it serves
 * HTTP; the batch and training commands run the plain-Java core directly, so they open no port
 * and start no container.
 */
@QuarkusMain
public final class WinnowMain {

    static final int USAGE_ERROR = 2;

    static final String USAGE = """
            usage: java -jar quarkus-run.jar [command]
              serve (default)   start the HTTP service on port 8080
              batch IN OUT      clean JSON Lines, WARC or a directory of files (batch --help)
              train             rebuild model/winnow.model from the corpus (needs ../shared/data)
              evaluate          print the model card's figures on the test split
              tune              compare training settings on the dev split
              calibrate         choose a trained model's output weights and paywalled thresholds (HTML, plain text) on dev
              disagree          training blocks the model and the alignment disagree on: read these next
              misses            blocks people labelled that the model labels otherwise (--label, --split)
              editorial-threshold  main text and hard negatives kept at other editorial thresholds, on dev
              dump              write every block of the shared pages as JSON Lines, for labelling
              help              this text""";

    private WinnowMain() {
    }

    public static void main(String... args) throws Exception {
        if (startsService(args)) {
            Quarkus.run(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Only these start the service: a mistyped command that did would leave the user waiting for
     * output that never comes, or clash with a service already on the port.
     */
    static boolean startsService(String... args) {
        return args.length == 0 || args[0].equals("serve");
    }

    /** Every command but {@code serve}; the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        switch (args[0]) {
            case "train", "evaluate", "tune", "calibrate", "disagree", "misses", "editorial-threshold", "dump" -> {
                return TrainCli.run(args, out);
            }
            case "batch" -> {
                return BatchCommand.run(Arrays.copyOfRange(args, 1, args.length));
            }
            case "-h", "--help", "help" -> {
                out.println(USAGE);
                return 0;
            }
            default -> {
                err.println("winnow: unknown command '" + args[0] + "'");
                err.println(USAGE);
                return USAGE_ERROR;
            }
        }
    }
}
