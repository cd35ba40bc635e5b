package dev.winnow.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(String input, long max) throws IOException {
        return lines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), max);
    }

    private static List<String> lines(InputStream in, long max) throws IOException {
        LineReader reader = new LineReader(in, max);
        List<String> out = new ArrayList<>();
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            out.add(line.number() + ":" + (line.tooLong() ? "TOO LONG " + line.length() : new String(line.bytes(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void splitsOnLineFeedAndDropsTheCarriageReturnOfCrlf() throws IOException {
        assertEquals(List.of("1:a", "2:b", "3:", "4:c"), lines("a\r\nb\n\nc", 100));
    }

    @Test
    void aFinalLineBreakDoesNotMakeAnEmptyLastLine() throws IOException {
        assertEquals(List.of("1:a", "2:b"), lines("a\nb\n", 100));
        assertEquals(List.of(), lines("", 100));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsNotPartOfIt() throws IOException {
        assertEquals(List.of("1:{}", "2:{}"), lines("\uFEFF{}\n{}\n", 100));
    }

    @Test
    void aLineOverTheLimitIsReportedWithItsLengthAndTheNextLinesAreIntact() throws IOException {
        String longLine = "x".repeat(200_000);
        assertEquals(List.of("1:ok", "2:TOO LONG 200000", "3:after"), lines("ok\n" + longLine + "\nafter\n", 1000));
    }

    @Test
    void aLineAtTheLimitIsKept() throws IOException {
        assertEquals(List.of("1:" + "y".repeat(10), "2:TOO LONG 11"), lines("y".repeat(10) + "\n" + "z".repeat(11) + "\n", 10));
    }

    @Test
    void linesSpanningManyReadsAreJoined() throws IOException {
        // a stream that hands over one byte at a time
        String text = "first line\nsecond, longer line\n";
        InputStream slow = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertEquals(List.of("1:first line", "2:second, longer line"), lines(slow, 100));
    }

    @Test
    void emptyStreamHasNoLines() throws IOException {
        LineReader reader = new LineReader(InputStream.nullInputStream(), 10);
        assertNull(reader.next());
        assertNull(reader.next(), "and stays at the end");
    }
}
