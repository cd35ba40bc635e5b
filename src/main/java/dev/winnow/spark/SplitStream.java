package dev.winnow.spark;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.Seekable;

/**
 * The lines of one part of a file, for reading a large JSON Lines file in parallel: the lines
 * that start at a byte in {@code [start, end)}, each whole, as Hadoop's line reader splits text.
 * A line that began before {@code start} belongs to the part before; the last line is read past
 * {@code end} to its break.
 */
final class SplitStream extends InputStream {

    private final InputStream in;
    private final long end;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    /** Where in the file the next byte handed out stands. */
    private long at;
    /** Whether the byte before {@link #at} ended a line (or {@link #at} is the file's start). */
    private boolean atLineStart = true;
    private boolean done;

    /**
     * @param in    the whole file, positioned at its start; seeked here, closed with this stream
     * @param start the first byte of this part
     * @param end   the first byte of the next part (or the file's length)
     */
    static <S extends InputStream & Seekable> SplitStream open(S in, long start, long end) throws IOException {
        SplitStream s = new SplitStream(in, end);
        if (start > 0) {
            in.seek(start - 1);
            s.at = start - 1;
            s.skipToLineStart();
        }
        return s;
    }

    private SplitStream(InputStream in, long end) {
        this.in = in;
        this.end = end;
    }

    /** Reads past the rest of the line that began before this part (just its break when it ended at start - 1). */
    private void skipToLineStart() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                done = true;
                return;
            }
            while (pos < limit) {
                byte b = buffer[pos++];
                at++;
                if (b == '\n') {
                    atLineStart = true;
                    return;
                }
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (done || (at >= end && atLineStart)) {
            done = true;
            return -1;
        }
        if (pos == limit && !fill()) {
            done = true;
            return -1;
        }
        int n = Math.min(len, limit - pos);
        if (at < end) {
            n = (int) Math.min(n, end - at); // up to the part's end first; the tail rule applies after it
        } else {
            for (int i = pos; i < pos + n; i++) {
                if (buffer[i] == '\n') {
                    n = i - pos + 1; // the last line ends here
                    break;
                }
            }
        }
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        at += n;
        atLineStart = b[off + n - 1] == '\n';
        return n;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Line breaks in {@code [from, to)} of a file: what the driver adds up to number the lines of
     * each part without reading the parts in order.
     */
    static long newlines(InputStream in, long count) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = count;
        long found = 0;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    found++;
                }
            }
            left -= n;
        }
        return found;
    }
}
