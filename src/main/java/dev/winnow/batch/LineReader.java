package dev.winnow.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) without decoding it, and without
 * ever holding more than the limit of one line: the rest of a longer line is read past and
 * counted.
 */
final class LineReader {

    /**
     * @param number from 1
     * @param bytes  the line without its break; null when it was longer than the limit
     * @param length the line's length in bytes
     */
    record Line(long number, byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int max;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private long number;
    private byte[] line = new byte[1024];

    LineReader(InputStream in, long maxLineBytes) {
        this(in, maxLineBytes, 1);
    }

    /** @param firstNumber the number of the stream's first line: 1, or more for a part of a file */
    LineReader(InputStream in, long maxLineBytes, long firstNumber) {
        this.in = in;
        this.max = (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 16);
        this.number = firstNumber - 1;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        int length = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!any) {
                        return null;
                    }
                    return finish(length, total);
                }
            }
            any = true;
            int nl = -1;
            for (int i = pos; i < end; i++) {
                if (buffer[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int stop = nl < 0 ? end : nl;
            int n = stop - pos;
            if (total + n <= max) {
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, (int) Math.min(Math.max((long) line.length * 2, length + n), Integer.MAX_VALUE - 16));
                }
                System.arraycopy(buffer, pos, line, length, n);
                length += n;
            }
            total += n;
            pos = stop;
            if (nl >= 0) {
                pos++;
                return finish(length, total);
            }
        }
    }

    private Line finish(int length, long total) {
        number++;
        if (total > max) {
            shrink();
            return new Line(number, null, total);
        }
        // A \r before the \n belongs to the break.
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int from = 0;
        if (number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        byte[] bytes = Arrays.copyOfRange(line, from, length);
        shrink();
        return new Line(number, bytes, length - from);
    }

    /** One huge line must not pin its buffer for the rest of the run. */
    private void shrink() {
        if (line.length > (1 << 20)) {
            line = new byte[1024];
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            eof = true;
            pos = end = 0;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
