package dev.winnow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * {@code batch IN OUT} end to end, in process, with the model in the jar. The assertions are the
 * record rules (one output per input record, in order, errors in place, fields passed through),
 * not what the model makes of the pages.
 */
class BatchCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ARTICLE = resource("/examples/belarus-eu-sanctions.txt");
    static final List<String> LABELS = List.of("editorial", "boilerplate", "promo", "paywall", "donation");

    @TempDir
    Path dir;

    /** What one run left behind. */
    record Run(int exit, String stdout, String stderr) {
        List<JsonNode> records() {
            return parseLines(stdout);
        }
    }

    static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BatchCommand.run(args, new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    // --- JSON Lines ---

    @Test
    void aMalformedLineAndARecordWithoutTheFieldBecomeErrorRecordsInPlace() throws IOException {
        Path in = write("in.jsonl", String.join("\n",
                record("id", "a-1", "text", ARTICLE),
                "{\"id\": \"b-2\", \"text\": \"unterminated",
                "{\"id\": \"c-3\", \"title\": \"no document here\"}",
                record("id", "d-4", "html", page()),
                ""));
        Path out = dir.resolve("out.jsonl");

        Run r = run(in.toString(), out.toString(), "-q");

        assertEquals(1, r.exit(), r.stderr());
        List<JsonNode> records = parseLines(Files.readString(out));
        assertEquals(4, records.size(), "one output record per input line");
        assertCleaned(records.get(0), "a-1");
        JsonNode bad = records.get(1);
        assertTrue(bad.path("error").asText().startsWith("not valid JSON"), bad.toString());
        assertEquals(2, bad.path("line").asInt(), bad.toString());
        JsonNode missing = records.get(2);
        assertTrue(missing.path("error").asText().contains("no \"html\" or \"text\" field"), missing.toString());
        assertEquals(3, missing.path("line").asInt());
        assertEquals("c-3", missing.path("id").asText(), "the id is passed through into the error record");
        assertEquals("no document here", missing.path("title").asText());
        assertCleaned(records.get(3), "d-4");
    }

    @Test
    void everyOtherFieldPassesThroughByteForByteAndInOrder() throws IOException {
        String line = "{\"id\":7,\"score\":1.50,\"big\":12345678901234567890,\"meta\":{\"tags\":[\"a\",\"\\u00e9\"],\"n\":null},"
                + "\"text\":" + quote(ARTICLE) + ",\"url\":\"https://example.org/a?b=1&c=\\\"d\\\"\"}";
        Path in = write("in.jsonl", line + "\n");
        Path out = dir.resolve("out.jsonl");

        Run r = run(in.toString(), out.toString(), "-q");

        assertEquals(0, r.exit(), r.stderr());
        String written = Files.readString(out);
        assertTrue(written.startsWith("{\"id\":7,\"score\":1.50,\"big\":12345678901234567890,"
                + "\"meta\":{\"tags\":[\"a\",\"\\u00e9\"],\"n\":null},\"url\":\"https://example.org/a?b=1&c=\\\"d\\\"\",\"clean\":"),
                "fields must pass through unchanged, before clean and labels:\n" + written.substring(0, Math.min(400, written.length())));
        JsonNode record = parseLines(written).get(0);
        assertFalse(record.has("text"), "the document itself is not copied to the output");
        long lines = ARTICLE.lines().filter(l -> !l.isBlank()).count();
        assertEquals(lines, labelTotal(record), "every line of the text is one labelled block");
    }

    @Test
    void blocksListEveryBlockAndTheKeptOnesAreTheCleanText() throws IOException {
        Path in = write("in.jsonl", record("id", "x", "text", ARTICLE) + "\n");
        Path out = dir.resolve("out.jsonl");

        Run r = run("--blocks", "--drop", "promo,donation", in.toString(), out.toString(), "-q");

        assertEquals(0, r.exit(), r.stderr());
        JsonNode record = parseLines(Files.readString(out)).get(0);
        JsonNode blocks = record.path("blocks");
        assertEquals(labelTotal(record), blocks.size());
        List<String> kept = new ArrayList<>();
        for (JsonNode b : blocks) {
            assertTrue(b.has("text") && b.has("label") && b.has("score") && b.has("kept"), b.toString());
            assertTrue(LABELS.contains(b.path("label").asText()), b.toString());
            boolean shouldKeep = !List.of("promo", "donation").contains(b.path("label").asText());
            assertEquals(shouldKeep, b.path("kept").asBoolean(), b.toString());
            if (b.path("kept").asBoolean()) {
                kept.add(b.path("text").asText());
            }
        }
        assertEquals(String.join("\n", kept), record.path("clean").asText().strip());
    }

    @Test
    void fieldNamesAreConfigurable() throws IOException {
        Path in = write("in.jsonl", record("id", "1", "body", "<p>" + firstLine() + "</p>") + "\n"
                + record("id", "2", "content", ARTICLE) + "\n"
                + record("id", "3", "html", "<p>not read</p>") + "\n");
        Path out = dir.resolve("out.jsonl");

        Run r = run("--html-field", "body", "--text-field=content", in.toString(), out.toString(), "-q");

        assertEquals(1, r.exit(), r.stderr());
        List<JsonNode> records = parseLines(Files.readString(out));
        assertCleaned(records.get(0), "1");
        assertCleaned(records.get(1), "2");
        assertEquals("3", records.get(2).path("id").asText());
        assertTrue(records.get(2).path("error").asText().contains("no \"body\" or \"content\" field"), records.get(2).toString());
        assertEquals("<p>not read</p>", records.get(2).path("html").asText(), "an unread field passes through");
    }

    @Test
    void aLineOverTheSizeLimitIsAnErrorRecordAndTheRunGoesOn() throws IOException {
        Path in = write("in.jsonl", record("id", "big", "text", "x".repeat(5000)) + "\n" + record("id", "small", "text", "A line.") + "\n");
        Path out = dir.resolve("out.jsonl");

        Run r = run("--max-record-bytes", "1000", in.toString(), out.toString(), "-q");

        assertEquals(1, r.exit(), r.stderr());
        List<JsonNode> records = parseLines(Files.readString(out));
        assertEquals(2, records.size());
        assertTrue(records.get(0).path("error").asText().startsWith("over limits"), records.get(0).toString());
        assertEquals(1, records.get(0).path("line").asInt());
        assertCleaned(records.get(1), "small");
    }

    @Test
    void aDocumentWithTooManyBlocksIsAnErrorRecordWithItsId() throws IOException {
        String manyLines = "line of text\n".repeat(30);
        Path in = write("in.jsonl", record("id", "long", "text", manyLines) + "\n" + record("id", "short", "text", "one line") + "\n");
        Path out = dir.resolve("out.jsonl");

        Run r = run("--max-blocks", "10", in.toString(), out.toString(), "-q");

        assertEquals(1, r.exit(), r.stderr());
        List<JsonNode> records = parseLines(Files.readString(out));
        assertTrue(records.get(0).path("error").asText().startsWith("over limits"), records.get(0).toString());
        assertEquals("long", records.get(0).path("id").asText());
        assertCleaned(records.get(1), "short");
    }

    @Test
    void outputKeepsInputOrderWithManyThreads() throws IOException {
        StringBuilder lines = new StringBuilder();
        int n = 300;
        for (int i = 0; i < n; i++) {
            // uneven sizes, so that records finish out of order on the workers
            String text = i % 7 == 0 ? ARTICLE : "Record " + i + " is short.";
            lines.append(record("n", Integer.toString(i), "text", text)).append('\n');
            if (i % 50 == 0) {
                lines.append("\n"); // blank lines are not records
            }
        }
        Path in = write("in.jsonl", lines.toString());
        Path out = dir.resolve("out.jsonl");

        Run r = run("--threads", "3", in.toString(), out.toString(), "-q");

        assertEquals(0, r.exit(), r.stderr());
        List<JsonNode> records = parseLines(Files.readString(out));
        assertEquals(n, records.size());
        for (int i = 0; i < n; i++) {
            assertEquals(Integer.toString(i), records.get(i).path("n").asText(), "record " + i + " out of order");
        }
    }

    @Test
    void gzipIsReadAndWrittenTransparently() throws IOException {
        Path in = dir.resolve("in.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(in))) {
            o.write((record("id", "g1", "text", ARTICLE) + "\n" + "not json\n" + record("id", "g3", "html", page()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out.jsonl.gz");

        Run r = run(in.toString(), out.toString(), "-q");

        assertEquals(1, r.exit(), r.stderr());
        String written;
        try (InputStream i = new GZIPInputStream(Files.newInputStream(out))) {
            written = new String(i.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<JsonNode> records = parseLines(written);
        assertEquals(3, records.size());
        assertCleaned(records.get(0), "g1");
        assertEquals(2, records.get(1).path("line").asInt());
        assertCleaned(records.get(2), "g3");
    }

    @Test
    void progressOnGzippedInputFollowsTheCompressedBytesInflated() throws Exception {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            records.append(record("id", "r" + i, "text", "The council met on Tuesday.\nIt voted for the plan.")).append('\n');
        }
        Path in = dir.resolve("in.jsonl.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in))) {
            gz.write(records.toString().getBytes(StandardCharsets.UTF_8));
        }
        // The whole file fits in one read of the input buffers: counting the bytes pulled from
        // the file said 100 % before the first record was written.
        assertTrue(Files.size(in) < 64 * 1024, "the input must be smaller than one input buffer: " + Files.size(in));

        // Standard output blocks at its first write until a progress line has been printed, so
        // that line is taken when only the first records are done.
        CountDownLatch progressSeen = new CountDownLatch(1);
        OutputStream blockingStdout = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    progressSeen.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
            }
        };
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line.contains("% of ")) {
                    progressSeen.countDown();
                }
            }
        };

        int exit = BatchCommand.run(new String[] {"--threads", "1", "--progress", "0.1", in.toString(), "-"},
                new ByteArrayInputStream(new byte[0]), blockingStdout, err);

        String stderr = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, stderr);
        String first = stderr.lines().filter(l -> l.contains("% of ")).findFirst().orElseThrow(() -> new AssertionError(stderr));
        Matcher percent = Pattern.compile("([0-9.]+)% of ").matcher(first);
        assertTrue(percent.find(), first);
        assertTrue(Double.parseDouble(percent.group(1)) < 30, "only the first of 10,000 records were done, yet: " + first);
    }

    @Test
    void concatenatedGzipMembersOnStandardInputAreAllRead() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            try (OutputStream o = new GZIPOutputStream(member)) {
                o.write((record("id", "m" + i, "text", "Member " + i + " of the stream.") + "\n").getBytes(StandardCharsets.UTF_8));
            }
            gz.writeBytes(member.toByteArray());
        }

        Run r = run(gz.toByteArray(), "-", "-", "-q");

        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of("m0", "m1", "m2"), r.records().stream().map(j -> j.path("id").asText()).toList());
    }

    @Test
    void standardInAndOutCarryRecordsOnlyAndTheSummaryGoesToStderr() {
        byte[] in = (record("id", "s1", "text", ARTICLE) + "\n{oops\n").getBytes(StandardCharsets.UTF_8);

        Run r = run(in, "-", "-");

        assertEquals(1, r.exit());
        List<JsonNode> records = r.records();
        assertEquals(2, records.size(), r.stdout());
        assertCleaned(records.get(0), "s1");
        assertEquals(2, records.get(1).path("line").asInt());
        assertTrue(r.stderr().contains("2 records"), r.stderr());
        assertTrue(r.stderr().contains("1 errors"), r.stderr());
        for (String label : LABELS) {
            assertTrue(r.stderr().contains(label), "the summary counts blocks by label: " + r.stderr());
        }
    }

    @Test
    void aTruncatedGzipStopsWithExit3AfterWritingTheRecordsBeforeIt() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 50; i++) {
                o.write((record("id", "t" + i, "text", "Line " + i + " of a text.") + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() - 12);

        Run r = run(cut, "-", "-", "-q");

        assertEquals(3, r.exit(), r.stderr());
        List<JsonNode> records = r.records();
        JsonNode last = records.get(records.size() - 1);
        assertTrue(last.path("error").asText().startsWith("the input could not be read"), last.toString());
        for (int i = 0; i < records.size() - 1; i++) {
            assertEquals("t" + i, records.get(i).path("id").asText());
        }
    }

    // --- WARC ---

    @Test
    void warcResponsesAndWetConversionsAreCleanedWithTheirIdAndUrl() throws IOException {
        for (WarcCompression compression : new WarcCompression[] {WarcCompression.NONE, WarcCompression.GZIP}) {
            Path warc = dir.resolve(compression == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc");
            List<String> ids = writeWarc(warc, compression);
            Path out = dir.resolve("out-" + compression + ".jsonl");

            Run r = run(warc.toString(), out.toString());

            assertEquals(0, r.exit(), r.stderr());
            List<JsonNode> records = parseLines(Files.readString(out));
            assertEquals(2, records.size(), "the HTML response and the conversion; request, image and 404 are skipped: " + records);
            JsonNode html = records.get(0);
            assertEquals(ids.get(0), html.path("warc_record_id").asText());
            assertEquals("https://news.example/belarus", html.path("url").asText());
            assertCleaned(html, null);
            JsonNode text = records.get(1);
            assertEquals(ids.get(1), text.path("warc_record_id").asText());
            assertEquals("https://news.example/belarus", text.path("url").asText());
            assertEquals(ARTICLE.lines().filter(l -> !l.isBlank()).count(), labelTotal(text));
            assertTrue(r.stderr().contains("4 WARC records skipped"), r.stderr());
        }
    }

    @Test
    void aGzippedWarcOnStandardInputIsRecognisedByItsContent() throws IOException {
        Path warc = dir.resolve("crawl.warc.gz");
        List<String> ids = writeWarc(warc, WarcCompression.GZIP);

        Run r = run(Files.readAllBytes(warc), "-", "-", "-q");

        assertEquals(0, r.exit(), r.stderr());
        assertEquals(ids, r.records().stream().map(j -> j.path("warc_record_id").asText()).toList());
    }

    @Test
    void aWarcRecordOverTheLimitIsAnErrorRecordWithItsIdAndOffset() throws IOException {
        Path warc = dir.resolve("crawl.warc");
        List<String> ids = writeWarc(warc, WarcCompression.NONE);
        Path out = dir.resolve("out.jsonl");

        Run r = run("--max-record-bytes", "2000", warc.toString(), out.toString(), "-q");

        assertEquals(1, r.exit(), r.stderr());
        List<JsonNode> records = parseLines(Files.readString(out));
        assertEquals(2, records.size());
        JsonNode error = records.get(0);
        assertTrue(error.path("error").asText().startsWith("over limits"), error.toString());
        assertEquals(ids.get(0), error.path("warc_record_id").asText());
        assertEquals("https://news.example/belarus", error.path("url").asText());
        assertEquals(3, error.path("record").asInt(), "warcinfo, request, then this response");
        assertTrue(error.path("offset").asLong() > 0, error.toString());
    }

    // --- directories ---

    @Test
    void aDirectoryOfPagesAndTextsGivesOneRecordPerFileWithItsPath() throws IOException {
        Path pages = Files.createDirectory(dir.resolve("pages"));
        Files.writeString(pages.resolve("b-page.html"), page());
        Files.createDirectory(pages.resolve("a-sub"));
        Files.writeString(pages.resolve("a-sub").resolve("story.txt"), ARTICLE);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(pages.resolve("c-story.txt.gz")))) {
            o.write(ARTICLE.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(pages.resolve("d-latin1.txt"), "Caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(pages.resolve("notes.pdf"), "not a page");
        Path out = dir.resolve("out.jsonl");

        Run r = run(pages.toString(), out.toString());

        assertEquals(1, r.exit(), r.stderr());
        List<JsonNode> records = parseLines(Files.readString(out));
        assertEquals(List.of("a-sub/story.txt", "b-page.html", "c-story.txt.gz", "d-latin1.txt"),
                records.stream().map(j -> j.path("path").asText()).toList());
        assertCleaned(records.get(0), null);
        assertCleaned(records.get(1), null);
        assertCleaned(records.get(2), null);
        assertEquals(labelTotal(records.get(0)), labelTotal(records.get(2)), "the gzipped copy reads the same");
        assertTrue(records.get(3).path("error").asText().contains("not valid UTF-8"), records.get(3).toString());
        assertTrue(r.stderr().contains("1 files skipped"), r.stderr());
    }

    // --- usage and exit status ---

    @Test
    void usageErrorsExitWith2AndSayWhy() throws IOException {
        Path in = write("in.jsonl", record("id", "1", "text", "x") + "\n");
        String out = dir.resolve("out.jsonl").toString();
        String[][] wrong = {
            {},
            {in.toString()},
            {in.toString(), out, "extra"},
            {"--nope", in.toString(), out},
            {"--drop", "adverts", in.toString(), out},
            {"--format", "pdf", in.toString(), out},
            {"--threads", "0", in.toString(), out},
            {"--blocks=maybe", in.toString(), out},
            {"--html-field", "", "--text-field", "", in.toString(), out},
            {"--input", "dir", in.toString(), out},
            {in.toString(), in.toString()},
            {"--threads"},
        };
        for (String[] args : wrong) {
            Run r = run(args);
            assertEquals(2, r.exit(), () -> String.join(" ", args) + "\n" + r.stderr());
            assertTrue(r.stderr().startsWith("batch: "), r.stderr());
            assertTrue(r.stderr().contains("usage:"), r.stderr());
            assertEquals("", r.stdout());
        }
        assertEquals(record("id", "1", "text", "x") + "\n", Files.readString(in), "IN is never written");
    }

    @Test
    void anUnreadableInputOrUnwritableOutputExitsWith3InOneLineNamingTheFile() throws IOException {
        Path in = write("in.jsonl", record("id", "1", "text", "x") + "\n");
        String missing = dir.resolve("missing.jsonl").toString();
        String inMissingDir = dir.resolve("no-such-dir").resolve("out.jsonl").toString();
        String out = dir.resolve("out.jsonl").toString();
        String[][] cases = {
            {missing, out, missing},
            {"--input", "dir", missing, out, missing},
            {in.toString(), inMissingDir, inMissingDir},
            {in.toString(), dir.toString(), dir.toString()},
        };
        for (String[] c : cases) {
            String[] args = Arrays.copyOf(c, c.length - 1);
            String named = c[c.length - 1];
            Run r = run(args);
            assertEquals(3, r.exit(), () -> String.join(" ", args) + "\n" + r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
            assertTrue(r.stderr().startsWith("batch: cannot " + (named.equals(missing) ? "read " : "write ") + named + ": "), r.stderr());
            assertEquals("", r.stdout());
            assertFalse(Files.exists(Path.of(out)));
        }
    }

    @Test
    void helpExitsWith0() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.stdout().contains("usage:"), r.stdout());
    }

    @Test
    void aModelThatCannotBeLoadedExitsWith3AndWritesNothing() throws IOException {
        Path in = write("in.jsonl", record("id", "1", "text", "x") + "\n");
        Path out = dir.resolve("out.jsonl");

        Run r = run("--model", dir.resolve("none.model").toString(), in.toString(), out.toString());

        assertEquals(3, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("cannot load the model"), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void allRecordsCleanedExitsWith0() throws IOException {
        Path in = write("in.jsonl", record("id", "1", "text", ARTICLE) + "\n" + record("id", "2", "html", page()) + "\n");
        Run r = run(in.toString(), dir.resolve("out.jsonl").toString(), "--progress", "0.1");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("done: 2 records"), r.stderr());
    }

    // --- helpers ---

    /** A cleaned record: clean is a string, every label is counted, no error. */
    static void assertCleaned(JsonNode record, String id) {
        assertNull(record.get("error"), () -> "expected a cleaned record, got " + record);
        if (id != null) {
            assertEquals(id, record.path("id").asText(), record.toString());
        }
        assertTrue(record.path("clean").isTextual(), record.toString());
        JsonNode labels = record.path("labels");
        assertEquals(LABELS, iterable(labels.fieldNames()), record.toString());
        assertTrue(labelTotal(record) > 0, record.toString());
    }

    static long labelTotal(JsonNode record) {
        long total = 0;
        for (JsonNode n : record.path("labels")) {
            total += n.asLong();
        }
        return total;
    }

    static List<String> iterable(Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    static List<JsonNode> parseLines(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("an output line is not JSON: " + l, e);
            }
        }).collect(Collectors.toList());
    }

    /** One JSON object from name/value pairs, values as strings. */
    static String record(String... pairs) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o.toString();
    }

    static String quote(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    static String firstLine() {
        return ARTICLE.lines().findFirst().orElseThrow();
    }

    /** A small page around the article, written for these tests: navigation, the story, a footer. */
    static String page() {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>EU rejects Belarus vote</title>"
                + "</head><body><header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
                + "<li><a href=\"/business\">Business</a></li></ul></nav></header><main><article><h1>EU rejects Belarus vote</h1>");
        ARTICLE.lines().limit(12).forEach(l -> b.append("<p>").append(l.replace("&", "&amp;").replace("<", "&lt;")).append("</p>"));
        b.append("</article></main><footer><p>\u00a9 2020 Example News. All rights reserved.</p></footer></body></html>");
        return b.toString();
    }

    /**
     * A WARC as a crawler writes it: warcinfo, a request, the HTML response, an image, a 404, and
     * a WET conversion of the article.
     *
     * @return the record ids of the HTML response and of the conversion, as written
     */
    static List<String> writeWarc(Path file, WarcCompression compression) throws IOException {
        URI target = URI.create("https://news.example/belarus");
        try (WarcWriter w = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), compression)) {
            w.write(new Warcinfo.Builder().filename(file.getFileName().toString())
                    .fields(Map.of("software", List.of("winnow tests"))).build());
            w.write(new WarcRequest.Builder(target).body(new HttpRequest.Builder("GET", "/belarus")
                    .addHeader("Host", "news.example").build()).build());
            WarcResponse html = new WarcResponse.Builder(target).body(new HttpResponse.Builder(200, "OK")
                    .body(MediaType.HTML_UTF8, page().getBytes(StandardCharsets.UTF_8)).build()).build();
            w.write(html);
            w.write(new WarcResponse.Builder(URI.create("https://news.example/logo.png")).body(new HttpResponse.Builder(200, "OK")
                    .body(MediaType.parse("image/png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'}).build()).build());
            w.write(new WarcResponse.Builder(URI.create("https://news.example/gone")).body(new HttpResponse.Builder(404, "Not Found")
                    .body(MediaType.HTML_UTF8, "<p>Not found</p>".getBytes(StandardCharsets.UTF_8)).build()).build());
            WarcConversion text = new WarcConversion.Builder().setHeader("WARC-Target-URI", target.toString())
                    .refersTo(html.id()).body(MediaType.PLAIN_TEXT, ARTICLE.getBytes(StandardCharsets.UTF_8)).build();
            w.write(text);
            return List.of("<" + html.id() + ">", "<" + text.id() + ">");
        }
    }

    static String resource(String path) {
        try (InputStream in = BatchCommandTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
