package dev.winnow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch IN OUT} writes OUT only when the run has finished: a run killed halfway left
 * whole lines under OUT's name, which nothing told from a finished run's.
 */
class BatchOutputTest {

    @TempDir
    Path dir;

    /** The batch command in a JVM of its own, so that it can be killed (SIGKILL) halfway. */
    public static final class Main {
        public static void main(String[] args) {
            System.exit(BatchCommand.run(args));
        }
    }

    private Path input(int records) throws IOException {
        Path in = dir.resolve("in.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < records; i++) {
            lines.append(BatchCommandTest.record("id", "r" + i, "text", "Line " + i + " of a short text.\nAnd a second line.")).append('\n');
        }
        Files.writeString(in, lines);
        return in;
    }

    private List<Path> othersThan(Path in) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.equals(in)).toList();
        }
    }

    @Test
    void aRunKilledHalfwayLeavesNoOutputUnderItsName() throws Exception {
        Path in = input(40_000);
        Path out = dir.resolve("out.jsonl");
        Process batch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-q", "--threads", "1", in.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("batch.log").toFile()).start();
        try {
            // wait until some records are on disk, under whatever name
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean written = false;
            while (!written && batch.isAlive() && System.nanoTime() < until) {
                Thread.sleep(50);
                for (Path f : othersThan(in)) {
                    written |= f.getFileName().toString().contains("out.jsonl") && Files.size(f) > 0;
                }
            }
            assertTrue(written && batch.isAlive(), "the run wrote nothing before it ended: " + Files.readString(dir.resolve("batch.log")));
        } finally {
            batch.destroyForcibly();
            batch.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(out), () -> "a killed run left " + out.toFile().length() + " bytes under the output's name");
    }

    @Test
    void aFinishedRunRenamesItsOutputOverTheOldOneAndLeavesNothingElse() throws Exception {
        Path in = input(5);
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "the previous run's output\n");
        int exit = BatchCommand.run(new String[] {"-q", in.toString(), out.toString()}, new ByteArrayInputStream(new byte[0]),
                OutputStream.nullOutputStream(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(BatchCommand.OK, exit);
        assertEquals(5, Files.readAllLines(out).size());
        assertTrue(Files.readString(out).startsWith("{\"id\":\"r0\""), Files.readString(out));
        assertEquals(List.of(out), othersThan(in));
    }

    @Test
    void aRunThatStopsLeavesTheOldOutputAndSaysWhereItsRecordsAre() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 50; i++) {
                o.write((BatchCommandTest.record("id", "t" + i, "text", "Line " + i + " of a text.") + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path in = dir.resolve("in.jsonl.gz");
        Files.write(in, Arrays.copyOf(gz.toByteArray(), gz.size() - 12));
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "the previous run's output\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BatchCommand.run(new String[] {"-q", in.toString(), out.toString()}, new ByteArrayInputStream(new byte[0]),
                OutputStream.nullOutputStream(), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(BatchCommand.STOPPED, exit, stderr);
        assertEquals("the previous run's output\n", Files.readString(out));
        List<Path> partial = othersThan(in).stream().filter(f -> !f.equals(out)).toList();
        assertEquals(1, partial.size(), partial.toString());
        assertTrue(stderr.contains(out + " was not written") && stderr.contains(partial.get(0).toString()), stderr);
        assertTrue(Files.readAllLines(partial.get(0)).size() > 1);
    }
}
