package dev.winnow.cli;

/** Placeholder until the batch issue lands: says so instead of failing obscurely. */
final class BatchCommand {
    private BatchCommand() {
    }

    static int run(String[] args) {
        System.err.println("batch: not available in this build yet");
        return 2;
    }
}
