package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.http.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The strict gzip reader, on its own: headers with every optional field, the limit to the byte, the budget. */
class GzipInflaterTest {

    static final byte[] TEXT = "A line of text, and another, and a third one.".repeat(200).getBytes(StandardCharsets.UTF_8);

    /** A gzip member written by hand, with the optional header fields the flags ask for. */
    static byte[] member(byte[] data, int flags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, 3});
        if ((flags & 4) != 0) {
            out.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
        }
        if ((flags & 8) != 0) {
            out.writeBytes("page.html\0".getBytes(StandardCharsets.US_ASCII));
        }
        if ((flags & 16) != 0) {
            out.writeBytes("a comment\0".getBytes(StandardCharsets.US_ASCII));
        }
        if ((flags & 2) != 0) {
            out.writeBytes(new byte[] {0, 0});
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLE(out, (int) crc.getValue());
        writeIntLE(out, data.length);
        return out.toByteArray();
    }

    static void writeIntLE(ByteArrayOutputStream out, int v) {
        out.writeBytes(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }

    static byte[] inflate(byte[] gzip, long limit) {
        return new GzipInflater(limit, new BodyBudget(1L << 30).open()).inflate(gzip);
    }

    @Test
    void everyOptionalHeaderFieldIsSkipped() {
        for (int flags : new int[] {0, 2, 4, 8, 16, 2 | 4 | 8 | 16}) {
            assertArrayEquals(TEXT, inflate(member(TEXT, flags), 1 << 20), "flags " + flags);
        }
    }

    @Test
    void theLimitHoldsToTheByte() {
        assertArrayEquals(TEXT, inflate(member(TEXT, 0), TEXT.length));
        ProblemException over = assertThrows(ProblemException.class, () -> inflate(member(TEXT, 0), TEXT.length - 1));
        assertEquals(413, over.status());
        // a length field that lies does not change what is inflated, nor the limit
        byte[] lying = member(TEXT, 0);
        lying[lying.length - 4] = 1;
        lying[lying.length - 3] = 0;
        assertEquals(400, assertThrows(ProblemException.class, () -> inflate(lying, 1 << 20)).status());
    }

    @Test
    void aCorruptOrForeignBodyIs400() {
        byte[] good = member(TEXT, 0);
        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 8] ^= 1;
        byte[] reserved = member(TEXT, 0x20);
        byte[] notGzip = "plain text, not gzip at all".getBytes(StandardCharsets.US_ASCII);
        for (byte[] body : new byte[][] {badCrc, reserved, notGzip, Arrays.copyOf(good, 12), Arrays.copyOf(good, good.length - 1)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> inflate(body, 1 << 20));
            assertEquals(400, e.status(), e.getMessage());
        }
    }

    @Test
    void theOutputIsTakenFromTheShareAndRefusedWhenItIsSpent() {
        BodyBudget budget = new BodyBudget(TEXT.length / 2);
        BodyBudget.Share share = budget.open();
        ProblemException e = assertThrows(ProblemException.class, () -> new GzipInflater(1 << 20, share).inflate(member(TEXT, 0)));
        assertEquals(503, e.status());
        assertTrue(e.headers().containsKey("Retry-After"));
        share.close();
        assertEquals(0, budget.inUse());
    }
}
