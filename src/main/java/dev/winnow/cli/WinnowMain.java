package dev.winnow.cli;

import dev.winnow.train.TrainCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The one entry point of {@code quarkus-run.jar}. With no command it serves HTTP; the batch and
 * training commands run the plain-Java core directly, so they open no port and start no
 * container.
 */
@QuarkusMain
public final class WinnowMain {
    private WinnowMain() {
    }

    public static void main(String... args) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "train", "evaluate", "tune", "dump" -> System.exit(TrainCli.run(args, System.out));
            case "batch" -> System.exit(BatchCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            case "serve" -> Quarkus.run(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            case "-h", "--help", "help" -> {
                System.out.println("""
                        usage: java -jar quarkus-run.jar [command]
                          serve (default)   start the HTTP service on port 8080
                          batch IN OUT      clean JSON Lines, WARC or a directory of files (see README)
                          train             rebuild model/winnow.model from the corpus
                          evaluate          print the model card's figures on the test split
                          tune              compare training settings on the dev split
                          dump              write every block of the shared pages as JSON Lines, for labelling""");
            }
            default -> Quarkus.run(args);
        }
    }
}
