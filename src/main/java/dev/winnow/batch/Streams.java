package dev.winnow.batch;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/** Small stream helpers for batch input: size-capped reads, gzip detection, byte counting. */
public final class Streams {

    private Streams() {
    }

    /** The whole stream, or null when it has more than {@code max} bytes (then read only to max + 1). */
    public static byte[] readAtMost(InputStream in, long max) throws IOException {
        int cap = (int) Math.min(max, Integer.MAX_VALUE - 16);
        byte[] buf = new byte[Math.min(cap + 1, 64 * 1024)];
        int length = 0;
        while (true) {
            if (length == buf.length) {
                if (length > cap) {
                    return null;
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, cap + 1L));
            }
            int n = in.read(buf, length, buf.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return length > cap ? null : Arrays.copyOf(buf, length);
    }

    /** Whether the stream, which must support mark, starts with the gzip magic number. */
    public static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }

    /**
     * Decompresses every gzip member of the stream. The JDK's GZIPInputStream (before 23) stops
     * after a member when {@code available()} says 0, which a pipe does between writes; here
     * {@code available()} says 0 only at the real end.
     */
    public static Gunzip gunzip(InputStream in) throws IOException {
        return new Gunzip(in);
    }

    /**
     * A gzip stream that knows how far into the compressed input it has decompressed. What it
     * has pulled from its source is no measure: one read of the inflater's buffer can take a whole
     * small file before the first record is cleaned.
     */
    public static final class Gunzip extends GZIPInputStream {
        private final AtomicLong pulled;

        private Gunzip(InputStream in) throws IOException {
            this(in, new AtomicLong());
        }

        private Gunzip(InputStream in, AtomicLong pulled) throws IOException {
            super(new HonestAvailable(new Counting(in, pulled)), 64 * 1024);
            this.pulled = pulled;
        }

        /** Compressed bytes inflated so far; safe to call from another thread. */
        public long compressedBytesRead() {
            return Math.max(0, pulled.get() - inf.getRemaining());
        }
    }

    /**
     * The first bytes of the (decompressed) content, without consuming them.
     *
     * @param in   supports mark with at least {@code readLimit}
     * @param gzip whether the stream is gzip
     */
    public static byte[] peek(BufferedInputStream in, boolean gzip, int count) throws IOException {
        in.mark(1 << 20);
        try {
            InputStream content = gzip ? new GZIPInputStream(new NonClosing(in), 512) : in;
            byte[] head = content.readNBytes(count);
            return head;
        } catch (IOException e) {
            return new byte[0];
        } finally {
            in.reset();
        }
    }

    /** Counts the bytes read through it, for progress. */
    public static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        public Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count.addAndGet(skipped);
            return skipped;
        }
    }

    private static final class HonestAvailable extends FilterInputStream {
        HonestAvailable(InputStream in) {
            super(new PushbackInputStream(in, 1));
        }

        @Override
        public int available() throws IOException {
            int n = super.available();
            if (n > 0) {
                return n;
            }
            int b = in.read();
            if (b < 0) {
                return 0;
            }
            ((PushbackInputStream) in).unread(b);
            return 1;
        }
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
