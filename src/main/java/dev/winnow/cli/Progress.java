package dev.winnow.cli;

import dev.winnow.batch.BatchRunner;
import dev.winnow.batch.BatchStats;
import dev.winnow.core.Label;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;

/** The progress line every few seconds and the summary at the end, on stderr. */
final class Progress implements AutoCloseable {

    private final BatchStats stats;
    private final LongSupplier bytesRead;
    private final long totalBytes;
    private final PrintStream err;
    private final Thread thread;

    /**
     * @param bytesRead  input bytes read so far
     * @param totalBytes the input's size, or -1 when it is not known (standard input)
     * @param seconds    how often; 0 for never
     */
    Progress(BatchStats stats, LongSupplier bytesRead, long totalBytes, PrintStream err, double seconds) {
        this.stats = stats;
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        this.err = err;
        if (seconds > 0) {
            long millis = Math.max(100, (long) (seconds * 1000));
            thread = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(millis);
                        err.println(line());
                    }
                } catch (InterruptedException e) {
                    // the run is over
                }
            }, "winnow-batch-progress");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    String line() {
        long records = stats.records();
        double seconds = stats.seconds();
        StringBuilder b = new StringBuilder("batch: ");
        b.append(String.format(Locale.ROOT, "%,d records (%,d errors) in %s, %,.1f records/s", records, stats.errors(),
                duration(seconds), stats.recordsPerSecond()));
        long read = bytesRead.getAsLong();
        if (totalBytes > 0 && read >= 0) {
            double fraction = Math.min(1.0, (double) read / totalBytes);
            b.append(String.format(Locale.ROOT, ", %.1f%% of %s", fraction * 100, bytes(totalBytes)));
            if (fraction > 0.001 && records > 0) {
                b.append(", ").append(duration(seconds * (1 - fraction) / fraction)).append(" left");
            }
        } else if (read >= 0) {
            b.append(", ").append(bytes(read)).append(" read");
        }
        return b.toString();
    }

    void summary(BatchRunner.Result result) {
        BatchStats s = result.stats();
        err.println(String.format(Locale.ROOT, "batch: done: %,d records in %.1f s (%,.1f records/s): %,d cleaned, %,d errors",
                s.records(), s.seconds(), s.recordsPerSecond(), s.cleaned(), s.errors()));
        if (result.skipped() > 0) {
            err.println(String.format(Locale.ROOT, "batch: %,d %s", result.skipped(), result.skippedWhat()));
        }
        StringJoiner labels = new StringJoiner(", ", "batch: blocks by label: ", "");
        for (Map.Entry<Label, Long> e : s.blocksByLabel().entrySet()) {
            labels.add(String.format(Locale.ROOT, "%s %,d", e.getKey().id(), e.getValue()));
        }
        err.println(labels);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
