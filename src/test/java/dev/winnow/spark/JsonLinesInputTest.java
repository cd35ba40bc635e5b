package dev.winnow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.junit.jupiter.api.Test;

/** How large the parts of a JSON Lines input are: enough of them for every core, none too small or too large. */
class JsonLinesInputTest {

    private static final CompressionCodecFactory CODECS = new CompressionCodecFactory(new Configuration());
    private static final long MIB = 1L << 20;

    @Test
    void aMidSizedFileIsSplitSoThatEachCoreGetsThreeParts() {
        List<InputFile> files = List.of(new InputFile("file:/in/pages.jsonl", 60 * MIB));
        assertEquals(10 * MIB, JsonLinesInput.splitBytes(files, CODECS, JobOptions.DEFAULT_SPLIT_BYTES, 2));
    }

    @Test
    void aLargeInputIsReadInPartsOfAtMostTheMaximum() {
        List<InputFile> files = List.of(new InputFile("file:/in/a.jsonl", 2000 * MIB), new InputFile("file:/in/b.jsonl", 700 * MIB));
        assertEquals(JobOptions.DEFAULT_SPLIT_BYTES, JsonLinesInput.splitBytes(files, CODECS, JobOptions.DEFAULT_SPLIT_BYTES, 2));
    }

    @Test
    void smallInputsAreNotCutIntoCrumbsAndCompressedFilesDoNotCount() {
        List<InputFile> files = List.of(new InputFile("file:/in/small.jsonl", 300_000), new InputFile("file:/in/big.jsonl.gz", 900 * MIB));
        assertEquals(JsonLinesInput.MIN_SPLIT_BYTES, JsonLinesInput.splitBytes(files, CODECS, JobOptions.DEFAULT_SPLIT_BYTES, 2));
    }
}
