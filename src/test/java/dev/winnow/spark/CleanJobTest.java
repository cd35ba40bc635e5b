package dev.winnow.spark;

import static dev.winnow.spark.SparkTestData.ARTICLE;
import static dev.winnow.spark.SparkTestData.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.cli.BatchCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * The Spark job in local mode on two cores, over JSON Lines, Parquet and WARC inputs with bad
 * rows among real pages, against the batch command on the same input: one output row for every
 * input row, the input's columns passed through, the error rows where the bad rows were, and
 * every record equal to the batch command's (Spark's error rows also name their file).
 */
@ExtendWith(LocalSpark.class)
class CleanJobTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Above every test line but the one meant to be too long. */
    static final String MAX_RECORD_BYTES = "150000";

    @TempDir
    Path dir;

    // --- JSON Lines ---

    @Test
    void jsonLinesReadInPartsGiveTheBatchCommandsRecordsLineForLine(SparkSession spark) throws Exception {
        Path in = dir.resolve("pages.jsonl");
        Files.writeString(in, jsonLines());
        Path out = dir.resolve("out");

        CleanJob.Summary summary = CleanJob.run(spark, JobOptions.parse("--input", in.toString(), "--output", out.toString(),
                "--output-format", "jsonl", "--max-record-bytes", MAX_RECORD_BYTES, "--split-bytes", "16384"));

        List<String> batch = BatchCli.records(in.toString(), "--max-record-bytes", MAX_RECORD_BYTES);
        List<String> records = partLines(out);
        assertEquals(nonBlankLines(in), records.size(), "one output row per input line");
        assertEquals(records.size(), summary.rows());
        assertSameRecordsInOrder(batch, records, "pages.jsonl");
        assertEquals(batch.stream().filter(r -> r.startsWith("{\"error\"")).count(), summary.errors());

        Map<String, JsonNode> byKey = byKey(records);
        JsonNode malformed = byKey.get("line 3");
        assertTrue(malformed.path("error").asText().startsWith("not valid JSON"), malformed::toString);
        assertTrue(malformed.path("file").asText().endsWith("/pages.jsonl"), malformed::toString);
        JsonNode big = byKey.get("line 7"); // read past, not parsed: nothing passes through
        assertTrue(big.path("error").asText().startsWith("over limits: the line has"), big::toString);
        assertEquals("the record has no \"html\" or \"text\" field", byKey.get("nodoc").path("error").asText());
        assertEquals("en", byKey.get("p1").path("meta").path("lang").asText(), "a nested field passes through");
        assertTrue(byKey.get("p1").path("clean").asText().length() > 100, () -> byKey.get("p1").toString());
        assertEquals(1, ExecutorModel.loads(), "the model is loaded once per JVM, not per task");
    }

    @Test
    void gzippedJsonLinesToParquetKeepTheColumnsTypedAndTheBlocks(SparkSession spark) throws Exception {
        Path in = dir.resolve("pages.jsonl.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in))) {
            gz.write(jsonLines().getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out.parquet");
        String[] flags = {"--blocks", "--format", "markdown", "--drop", "boilerplate,promo", "--max-record-bytes", MAX_RECORD_BYTES};

        CleanJob.Summary summary = CleanJob.run(spark, JobOptions.parse(concat(flags, "--input", in.toString(), "--output", out.toString())));

        Dataset<Row> rows = spark.read().parquet(out.toString());
        List<String> batch = BatchCli.records(in.toString(), flags);
        assertEquals(batch.size(), rows.count(), "one output row per input line");
        assertEquals(batch.size(), summary.rows());
        StructType schema = rows.schema();
        assertInstanceOf(StructType.class, schema.apply("meta").dataType(), "a JSON object stays a struct");
        assertInstanceOf(LongType.class, schema.apply("line").dataType());
        assertEquals("map<string,int>", schema.apply("labels").dataType().simpleString());
        assertEquals("boolean", schema.apply("paywalled").dataType().simpleString());
        assertEquals("array<struct<text:string,label:string,score:double,kept:boolean>>", schema.apply("blocks").dataType().simpleString());
        assertSameRecords(batch, rows.toJSON().collectAsList(), "pages.jsonl.gz");
    }

    @Test
    void jsonMembersThatDifferOnlyInCaseStayTwoColumnsAsInBatch(SparkSession spark) throws Exception {
        Path in = dir.resolve("case.jsonl");
        Files.writeString(in, json("id", "a", "ID", "A-1", "text", ARTICLE) + "\n");
        Path out = dir.resolve("out.parquet");

        CleanJob.run(spark, JobOptions.parse("--input", in.toString(), "--output", out.toString()));

        String before = spark.conf().get("spark.sql.caseSensitive");
        spark.conf().set("spark.sql.caseSensitive", "true"); // to read the table back
        try {
            Row row = spark.read().parquet(out.toString()).first();
            assertEquals("a", row.getAs("id"));
            assertEquals("A-1", row.getAs("ID"));
            assertNull(row.getAs("error"));
        } finally {
            spark.conf().set("spark.sql.caseSensitive", before);
        }
    }

    // --- Parquet ---

    @Test
    void parquetRowsGiveTheBatchCommandsRecordsForTheSameRecordsAsJsonLines(SparkSession spark) throws Exception {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("lang", DataTypes.StringType)
                .add("n", DataTypes.LongType).add("html", DataTypes.StringType).add("text", DataTypes.StringType);
        List<Row> input = new ArrayList<>();
        List<String> same = new ArrayList<>();
        for (int i = 0; i < SparkTestData.PAGE_IDS.size(); i++) {
            String id = SparkTestData.PAGE_IDS.get(i);
            input.add(RowFactory.create(id, "en", (long) i, page(id), null));
            same.add(json("id", id, "lang", "en", "n", (long) i, "html", page(id)));
        }
        input.add(RowFactory.create("article", "be", 99L, null, ARTICLE));
        same.add(json("id", "article", "lang", "be", "n", 99L, "text", ARTICLE));
        input.add(RowFactory.create("nodoc", null, 7L, null, null));
        same.add(json("id", "nodoc", "n", 7L));
        input.add(RowFactory.create("both", "en", 8L, "<p>x</p>", "x"));
        same.add(json("id", "both", "lang", "en", "n", 8L, "html", "<p>x</p>", "text", "x"));
        Path parquet = dir.resolve("pages.parquet");
        spark.createDataFrame(input, schema).repartition(2).write().parquet(parquet.toString());
        Path jsonl = dir.resolve("same.jsonl");
        Files.write(jsonl, same);
        Path out = dir.resolve("out");

        CleanJob.Summary summary = CleanJob.run(spark, JobOptions.parse("--input", parquet.toString(), "--output", out.toString()));

        Dataset<Row> rows = spark.read().parquet(out.toString());
        assertEquals(input.size(), rows.count(), "one output row per input row");
        assertEquals(2, summary.errors());
        assertEquals(DataTypes.LongType, rows.schema().apply("n").dataType(), "a column keeps its type");
        assertTrue(List.of(rows.schema().fieldNames()).containsAll(List.of("id", "lang", "n", "clean", "labels", "error")));
        List<String> batch = BatchCli.records(jsonl.toString());
        // A table has no lines: the batch command's line numbers are the only difference.
        List<String> withoutLines = batch.stream().map(r -> without(parse(r), "line").toString()).toList();
        assertSameRecords(withoutLines, rows.toJSON().collectAsList(), "pages.parquet");
        Row both = rows.filter("id = 'both'").first();
        assertEquals("the record has both \"html\" and \"text\"; give one", both.getAs("error"));
        assertNull(both.getAs("clean"));
    }

    @Test
    void aBinaryHtmlColumnIsDecodedAsThePageWouldBe(SparkSession spark) throws Exception {
        String id = SparkTestData.PAGE_IDS.get(0);
        StructType schema = new StructType().add("id", DataTypes.StringType).add("html", DataTypes.BinaryType);
        Path parquet = dir.resolve("bytes.parquet");
        spark.createDataFrame(List.of(RowFactory.create(id, page(id).getBytes(StandardCharsets.UTF_8))), schema)
                .write().parquet(parquet.toString());
        Path jsonl = dir.resolve("same.jsonl");
        Files.writeString(jsonl, json("id", id, "html", page(id)) + "\n");

        CleanJob.run(spark, JobOptions.parse("--input", parquet.toString(), "--output", dir.resolve("out").toString(),
                "--output-format", "jsonl"));

        assertSameRecords(BatchCli.records(jsonl.toString()), partLines(dir.resolve("out")), "bytes.parquet");
    }

    // --- WARC ---

    @Test
    void warcAndWetRecordsGiveTheBatchCommandsRecordsFileByFile(SparkSession spark) throws Exception {
        Path warcs = Files.createDirectories(dir.resolve("crawl"));
        Path a = warcs.resolve("a.warc");
        Path b = warcs.resolve("b.warc.gz");
        writeWarc(a, WarcCompression.NONE, SparkTestData.PAGE_IDS.get(0), true);
        writeWarc(b, WarcCompression.GZIP, SparkTestData.PAGE_IDS.get(1), false);
        List<String> batch = new ArrayList<>(BatchCli.records(a.toString()));
        batch.addAll(BatchCli.records(b.toString()));

        CleanJob.Summary lines = CleanJob.run(spark, JobOptions.parse("--input", warcs.toString(), "--output",
                dir.resolve("out.jsonl").toString(), "--input-format", "warc", "--output-format", "jsonl", "--compression", "gzip"));
        List<String> records = partLines(dir.resolve("out.jsonl"));
        assertTrue(Files.exists(dir.resolve("out.jsonl").resolve("part-00000.gz")), "gzipped as asked");
        // a.warc: the page, the broken response, the article; b.warc.gz: the page, the article
        assertEquals(5, records.size(), "one row per HTML response or text conversion; the image, the 404, warcinfo and request have none");
        assertEquals(5, lines.rows());
        assertEquals(1, lines.errors());
        assertSameRecordsInOrder(batch, records, ".warc");
        JsonNode broken = parse(records.get(1));
        assertTrue(broken.path("error").asText().startsWith("the HTTP response could not be parsed"), broken::toString);
        assertTrue(broken.path("file").asText().endsWith("/crawl/a.warc"), broken::toString);
        assertEquals("https://news.example/broken", broken.path("url").asText());

        CleanJob.run(spark, JobOptions.parse("--input", warcs.toString(), "--output", dir.resolve("out.parquet").toString(),
                "--input-format", "warc"));
        Dataset<Row> rows = spark.read().parquet(dir.resolve("out.parquet").toString());
        assertEquals(5, rows.count());
        assertSameRecords(batch, rows.toJSON().collectAsList(), ".warc");
    }

    // --- inputs ---

    /**
     * Real pages, an article as text, and the bad rows of the record rules: a line that is not
     * JSON (line 3), one that is no object, one over the record limit, one with no document, one
     * with both; a blank line, which is no record.
     */
    static String jsonLines() {
        List<String> ids = SparkTestData.PAGE_IDS;
        return String.join("\n",
                json("id", "p1", "url", "https://a.example/1", "meta", Map.of("lang", "en", "n", 1), "html", page(ids.get(0))),
                "",
                "{\"id\": \"bad\", \"html\": \"unterminated",
                json("id", "t1", "text", ARTICLE, "tags", List.of("news", "by")),
                json("id", "nodoc", "title", "no document"),
                json("id", "p2", "html", page(ids.get(1)), "score", 0.5),
                json("id", "big", "text", "A line of words.\n".repeat(12_000)),
                "[1, 2]",
                json("id", "p3", "html", page(ids.get(2))),
                json("id", "both", "html", "<p>x</p>", "text", "x"),
                json("id", "p4", "html", page(ids.get(3)), "url", null)) + "\n";
    }

    /**
     * warcinfo, a request, the page's response, an image, a 404, a response whose HTTP message
     * is broken (when asked for), and a WET conversion of the article.
     */
    static void writeWarc(Path file, WarcCompression compression, String pageId, boolean broken) throws IOException {
        URI target = URI.create("https://news.example/" + pageId);
        try (WarcWriter w = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE), compression)) {
            w.write(new Warcinfo.Builder().filename(file.getFileName().toString()).fields(Map.of("software", List.of("winnow tests"))).build());
            w.write(new WarcRequest.Builder(target).body(new HttpRequest.Builder("GET", "/" + pageId).addHeader("Host", "news.example").build())
                    .build());
            WarcResponse html = new WarcResponse.Builder(target).body(new HttpResponse.Builder(200, "OK")
                    .body(MediaType.HTML_UTF8, page(pageId).getBytes(StandardCharsets.UTF_8)).build()).build();
            w.write(html);
            w.write(new WarcResponse.Builder(URI.create("https://news.example/logo.png")).body(new HttpResponse.Builder(200, "OK")
                    .body(MediaType.parse("image/png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'}).build()).build());
            w.write(new WarcResponse.Builder(URI.create("https://news.example/gone")).body(new HttpResponse.Builder(404, "Not Found")
                    .body(MediaType.HTML_UTF8, "<p>Not found</p>".getBytes(StandardCharsets.UTF_8)).build()).build());
            if (broken) {
                w.write(new WarcResponse.Builder(URI.create("https://news.example/broken"))
                        .body(MediaType.HTTP_RESPONSE, "this is not an HTTP response\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).build());
            }
            w.write(new WarcConversion.Builder().setHeader("WARC-Target-URI", target.toString()).refersTo(html.id())
                    .body(MediaType.PLAIN_TEXT, ARTICLE.getBytes(StandardCharsets.UTF_8)).build());
        }
    }

    // --- comparing ---

    /** Same records, same order; a Spark error row may name its file, which must then be this input's. */
    static void assertSameRecordsInOrder(List<String> batch, List<String> spark, String file) {
        assertEquals(batch.size(), spark.size(), "as many records as the batch command");
        for (int i = 0; i < batch.size(); i++) {
            JsonNode expected = parse(batch.get(i));
            JsonNode actual = withoutFile(parse(spark.get(i)), file);
            assertEquals(expected, actual, "record " + (i + 1) + " differs from the batch command's");
        }
    }

    /**
     * Same records, in any order (a table read back), matched by id or WARC record id, else by
     * line. In a table an absent member and a null one are the same null, so nulls are left out.
     */
    static void assertSameRecords(List<String> batch, List<String> spark, String file) {
        assertEquals(batch.size(), spark.size(), "as many records as the batch command");
        Map<String, JsonNode> expected = byKey(batch);
        Map<String, JsonNode> actual = byKey(spark);
        assertEquals(expected.keySet(), actual.keySet());
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            assertEquals(withoutNulls(e.getValue()), withoutNulls(withoutFile(actual.get(e.getKey()), file)),
                    e.getKey() + " differs from the batch command's");
        }
    }

    static JsonNode withoutNulls(JsonNode record) {
        ObjectNode copy = ((ObjectNode) record).deepCopy();
        List<String> nulls = new ArrayList<>();
        copy.fieldNames().forEachRemaining(f -> {
            if (copy.get(f).isNull()) {
                nulls.add(f);
            }
        });
        copy.remove(nulls);
        return copy;
    }

    static Map<String, JsonNode> byKey(List<String> records) {
        Map<String, JsonNode> m = new HashMap<>();
        for (String r : records) {
            JsonNode j = parse(r);
            String key = j.hasNonNull("id") ? j.get("id").asText()
                    : j.hasNonNull("warc_record_id") ? j.get("warc_record_id").asText() : "line " + j.path("line").asLong();
            assertNull(m.put(key, j), "two records for " + key);
        }
        return m;
    }

    static JsonNode withoutFile(JsonNode record, String file) {
        if (record.has("file")) {
            assertTrue(record.get("file").asText().endsWith(file), () -> "the file of " + record + " is not " + file);
        }
        return without(record, "file");
    }

    static JsonNode without(JsonNode record, String field) {
        ObjectNode copy = ((ObjectNode) record).deepCopy();
        copy.remove(field);
        return copy;
    }

    /** The lines of a Spark output directory's part files, in part order, gunzipped where gzipped. */
    static List<String> partLines(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<String> lines = new ArrayList<>();
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                if (p.toString().endsWith(".gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                        lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                    }
                } else {
                    lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
                }
            }
            return lines;
        }
    }

    static long nonBlankLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(json, e);
        }
    }

    static String json(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
