package dev.winnow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Seekable;
import org.junit.jupiter.api.Test;

/**
 * Reading a file in parts gives every line exactly once, whole, in the part where it starts,
 * whatever the part size: lines longer than a part, empty lines, CRLF, a last line without a break.
 */
class SplitStreamTest {

    private static final byte[] FILE = ("{\"id\":1}\n\n{\"id\":2,\"text\":\"" + "x".repeat(40) + "\"}\r\n{\"id\":3}\n"
            + "y".repeat(25) + "\n\n\nlast line without a break").getBytes(StandardCharsets.UTF_8);

    @Test
    void thePartsOfAFileHoldEveryLineOnceWholeForEveryPartSize() throws IOException {
        for (int size = 1; size <= FILE.length + 1; size++) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (long start = 0; start < FILE.length; start += size) {
                long end = Math.min(FILE.length, start + size);
                byte[] part = SplitStream.open(new Bytes(FILE), start, end).readAllBytes();
                int at = joined.size();
                if (part.length > 0) {
                    String where = " (part size " + size + ", start " + start + ")";
                    assertTrue(at == 0 || FILE[at - 1] == '\n', "a part starts where a line starts" + where);
                    assertTrue(at >= start && at < end, "a part holds the lines that start in it" + where);
                    int last = at + part.length - 1;
                    assertTrue(FILE[last] == '\n' || last == FILE.length - 1, "a part ends with a whole line" + where);
                }
                joined.write(part);
            }
            assertArrayEquals(FILE, joined.toByteArray(), "the parts of size " + size + " put together are the file");
        }
    }

    @Test
    void newlinesCountsTheBreaksInARange() throws IOException {
        Bytes in = new Bytes(FILE);
        long all = new String(FILE, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        assertEquals(all, SplitStream.newlines(in, FILE.length));
        in = new Bytes(FILE);
        in.seek(1);
        assertEquals(0, SplitStream.newlines(in, 7), "'\"id\":1}' holds no break");
    }

    /** A file in memory, as seekable as Hadoop's streams. */
    private static final class Bytes extends ByteArrayInputStream implements Seekable {
        Bytes(byte[] b) {
            super(b);
        }

        @Override
        public void seek(long pos) {
            this.pos = (int) pos;
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }
    }
}
