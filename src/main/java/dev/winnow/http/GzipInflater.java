package dev.winnow.http;

import dev.winnow.http.problem.ProblemException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a gzip'd request body (RFC 1952) strictly and within bounds. {@code GZIPInputStream}
 * would do, but it skips whatever follows the last member without a word, and grows its output
 * where the budget cannot see it. Here every member's header, CRC and length are checked, bytes
 * after the last member are refused, the output stops at {@code winnow.max-decompressed-bytes},
 * and each output buffer is taken from the body's share of the {@link BodyBudget} before it is
 * allocated.
 */
final class GzipInflater {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xe0;

    private final long limit;
    private final BodyBudget.Share share;
    private byte[] out;
    private int size;

    GzipInflater(long maxDecompressedBytes, BodyBudget.Share share) {
        this.limit = Math.min(maxDecompressedBytes, Integer.MAX_VALUE - 16);
        this.share = share;
    }

    /**
     * @throws ProblemException 400 when the body is not gzip, is cut short, fails its check or has
     *                          bytes after its last member; 413 past the limit; 503 when the
     *                          budget has not the bytes
     */
    byte[] inflate(byte[] gzipped) {
        // The last member's length field, when honest, lets the output be allocated once.
        long hint = gzipped.length >= 18 ? readIntLE(gzipped, gzipped.length - 4) & 0xffffffffL : 0;
        allocate((int) Math.min(limit, Math.max(8192, hint)));
        int at = 0;
        do {
            at = member(gzipped, at);
        } while (at < gzipped.length);
        if (size == out.length) {
            return out;
        }
        reserve(size);
        return Arrays.copyOf(out, size);
    }

    /** Inflates one member starting at {@code at}; returns where the next one starts. */
    private int member(byte[] in, int at) {
        if (in.length - at < 18 || (in[at] & 0xff) != 0x1f || (in[at + 1] & 0xff) != 0x8b) {
            throw unreadable(at == 0 ? "it does not start with a gzip header"
                    : (in.length - at) + " bytes follow the gzip data; send the gzip data alone");
        }
        if (in[at + 2] != 8) {
            throw unreadable("its compression method is " + in[at + 2] + ", not deflate");
        }
        int flags = in[at + 3] & 0xff;
        if ((flags & RESERVED) != 0) {
            throw unreadable("its gzip header sets reserved flags");
        }
        int p = at + 10;
        if ((flags & FEXTRA) != 0) {
            p = need(in, p, 2);
            p += (in[p - 2] & 0xff) | (in[p - 1] & 0xff) << 8;
        }
        if ((flags & FNAME) != 0) {
            p = skipZeroTerminated(in, p);
        }
        if ((flags & FCOMMENT) != 0) {
            p = skipZeroTerminated(in, p);
        }
        if ((flags & FHCRC) != 0) {
            p += 2;
        }
        if (p >= in.length) {
            throw unreadable("it ends inside its gzip header");
        }
        int start = size;
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(in, p, in.length - p);
            byte[] probe = new byte[1];
            while (!inflater.finished()) {
                if (size == out.length && out.length < limit) {
                    grow();
                }
                int n;
                if (size < out.length) {
                    n = inflater.inflate(out, size, out.length - size);
                    size += n;
                } else if ((n = inflater.inflate(probe)) > 0) {
                    // at the limit and still more: one byte over is enough to know
                    throw tooLarge();
                }
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw unreadable("the gzip data is cut short");
                }
            }
            p = in.length - inflater.getRemaining();
        } catch (DataFormatException e) {
            throw unreadable("the deflate data is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        if (in.length - p < 8) {
            throw unreadable("the gzip data is cut short before its check");
        }
        CRC32 crc = new CRC32();
        crc.update(out, start, size - start);
        if ((int) crc.getValue() != readIntLE(in, p) || (size - start) != readIntLE(in, p + 4)) {
            throw unreadable("its CRC or length check fails");
        }
        return p + 8;
    }

    private ProblemException tooLarge() {
        return ProblemException.decompressedTooLarge("the gzip'd body inflates to more than " + limit
                + " bytes, the limit (winnow.max-decompressed-bytes); it was not inflated further");
    }

    private void grow() {
        byte[] bigger = allocate((int) Math.min(limit, 2L * out.length));
        System.arraycopy(out, 0, bigger, 0, size);
        out = bigger;
    }

    /** A new output array, its bytes taken from the share first; the old one stays counted until the answer. */
    private byte[] allocate(int capacity) {
        reserve(capacity);
        byte[] array = new byte[capacity];
        if (out == null) {
            out = array;
        }
        return array;
    }

    private void reserve(int bytes) {
        if (!share.growTo(share.held() + bytes)) {
            throw ProblemException.bodyBudgetSpent("the service holds as many request bodies as it may "
                    + "(winnow.max-in-flight-body-bytes) and has not the " + bytes + " bytes to inflate this one; try again shortly");
        }
    }

    private static int need(byte[] in, int p, int n) {
        if (p + n > in.length) {
            throw unreadable("it ends inside its gzip header");
        }
        return p + n;
    }

    private static int skipZeroTerminated(byte[] in, int p) {
        while (p < in.length && in[p] != 0) {
            p++;
        }
        return need(in, p, 1);
    }

    private static int readIntLE(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    private static ProblemException unreadable(String why) {
        return ProblemException.unreadableBody("the body is sent with Content-Encoding: gzip but could not be inflated: " + why);
    }
}
