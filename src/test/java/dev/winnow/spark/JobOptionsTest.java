package dev.winnow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.batch.BatchOptions;
import dev.winnow.core.Label;
import dev.winnow.core.render.Format;
import dev.winnow.spark.JobOptions.InputFormat;
import dev.winnow.spark.JobOptions.OutputFormat;
import dev.winnow.batch.UsageException;
import org.junit.jupiter.api.Test;

/** The job's command line: the batch command's options, checked on the driver before Spark starts work. */
class JobOptionsTest {

    @Test
    void theInputFormatFollowsThePathUnlessGiven() throws UsageException {
        assertEquals(InputFormat.PARQUET, JobOptions.parse("--input", "s3a://bucket/pages.parquet/", "--output", "o").inputFormat());
        assertEquals(InputFormat.WARC, JobOptions.parse("--input", "hdfs:///crawl/CC-1.warc.gz", "--output", "o").inputFormat());
        assertEquals(InputFormat.WARC, JobOptions.parse("--input", "/crawl/x.wet", "--output", "o").inputFormat());
        assertEquals(InputFormat.JSONL, JobOptions.parse("--input", "/corpus/shards", "--output", "o").inputFormat());
        assertEquals(InputFormat.WARC, JobOptions.parse("--input", "/corpus/shards", "--output", "o", "--input-format", "wet").inputFormat());
    }

    @Test
    void theRecordOptionsAreTheBatchCommands() throws UsageException {
        JobOptions o = JobOptions.parse("--input=in", "--output", "out", "--drop", "promo,paywall", "--format", "markdown", "--blocks",
                "--html-column", "body", "--text-column", "", "--output-format", "jsonl");
        BatchOptions b = o.batchOptions();
        assertEquals(Format.MARKDOWN, b.clean().format());
        assertTrue(b.clean().blocks());
        assertTrue(b.clean().policy().keeps(Label.BOILERPLATE));
        assertTrue(!b.clean().policy().keeps(Label.PAYWALL));
        assertEquals("body", b.htmlField());
        assertEquals("", b.textField());
        assertEquals(OutputFormat.JSONL, o.outputFormat());
        assertEquals(OutputFormat.PARQUET, JobOptions.parse("--input", "i", "--output", "o").outputFormat());
    }

    @Test
    void aBadCommandLineSaysWhatToFix() {
        assertTrue(assertThrows(UsageException.class, () -> JobOptions.parse("--input", "i")).getMessage().contains("--output"));
        assertTrue(assertThrows(UsageException.class, () -> JobOptions.parse("--input", "i", "--output", "o", "--drop", "ads"))
                .getMessage().startsWith("--drop: unknown label 'ads'"));
        assertTrue(assertThrows(UsageException.class, () -> JobOptions.parse("--input", "i", "--output", "o", "--format", "pdf"))
                .getMessage().startsWith("--format"));
        assertTrue(assertThrows(UsageException.class, () -> JobOptions.parse("--input", "i", "--output", "o", "--threads", "4"))
                .getMessage().contains("unknown option --threads"));
        assertTrue(assertThrows(UsageException.class, () -> JobOptions.parse("--input", "i", "--output", "o", "--split-bytes", "0"))
                .getMessage().startsWith("--split-bytes"));
        assertNull(assertDoesNotThrowParse("--help"), "help is no run");
    }

    private static JobOptions assertDoesNotThrowParse(String... args) {
        try {
            return JobOptions.parse(args);
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }
}
