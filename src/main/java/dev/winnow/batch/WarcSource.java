package dev.winnow.batch;

import dev.winnow.core.Input;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * A WARC file (plain or gzipped per record, as crawlers write them) or a WET file. The documents
 * are the {@code response} records that hold a successful (2xx) HTTP response with an HTML page,
 * and the {@code conversion} records that hold text (WET). Every other record (warcinfo, request,
 * metadata, revisit, a redirect, an image) is passed over and counted as skipped.
 *
 * <p>Each output record starts with {@code warc_record_id} (the WARC-Record-ID as written, with
 * its angle brackets) and {@code url} (the WARC-Target-URI); an error record has
 * {@code "record": n} (the record's number in the file, from 1, counting every record) and
 * {@code "offset"} (where the record starts in the file, in compressed bytes for a .warc.gz).
 */
public final class WarcSource implements RecordSource {

    public static final String RECORD_ID = "warc_record_id";
    public static final String URL = "url";
    public static final String RECORD = "record";
    public static final String OFFSET = "offset";

    private final WarcReader reader;
    private final RecordCleaner cleaner;
    private final List<Field> origin;
    private long ordinal;
    private long skipped;

    /** @param in the WARC as stored, gzipped or not; read here, never closed */
    public WarcSource(InputStream in, RecordCleaner cleaner) throws IOException {
        this(in, cleaner, List.of());
    }

    /**
     * @param in     the WARC as stored, gzipped or not; read here, never closed
     * @param origin where the WARC comes from (a file name), written before the record number of
     *               an error record
     */
    public WarcSource(InputStream in, RecordCleaner cleaner, List<Field> origin) throws IOException {
        this.reader = new WarcReader(in);
        this.reader.setLenient(true);
        this.reader.onWarning(w -> { });
        this.cleaner = cleaner;
        this.origin = List.copyOf(origin);
    }

    @Override
    public Supplier<Outcome> next() throws IOException {
        while (true) {
            Optional<WarcRecord> next = reader.next();
            if (next.isEmpty()) {
                return null;
            }
            WarcRecord record = next.get();
            ordinal++;
            Supplier<Outcome> work = null;
            if (record instanceof WarcResponse response) {
                work = response(response);
            } else if (record instanceof WarcConversion conversion) {
                work = conversion(conversion);
            }
            if (work != null) {
                return work;
            }
            skipped++;
        }
    }

    private List<Field> ids(WarcRecord record, String target) {
        return List.of(Field.string(RECORD_ID, record.headers().first("WARC-Record-ID").orElse(null)), Field.string(URL, target));
    }

    private List<Field> locator(WarcRecord record) {
        return locator(ordinal, record.position());
    }

    private List<Field> locator(long record, long offset) {
        List<Field> locator = new ArrayList<>(origin);
        locator.add(Field.number(RECORD, record));
        locator.add(Field.number(OFFSET, offset));
        return locator;
    }

    /** The work for an HTML response, or null when the record is not one. */
    private Supplier<Outcome> response(WarcResponse response) {
        if (!"application".equals(response.contentType().type()) || !"http".equals(response.contentType().subtype())) {
            return null; // dns:, a Gemini or FTP capture
        }
        List<Field> ids = ids(response, response.target());
        List<Field> locator = locator(response);
        HttpResponse http;
        try {
            http = response.http();
        } catch (IOException | RuntimeException e) {
            String message = "the HTTP response could not be parsed: " + e.getMessage();
            return () -> cleaner.error(message, locator, ids);
        }
        if (http.status() < 200 || http.status() > 299) {
            return null;
        }
        Optional<String> declared = http.headers().first("Content-Type");
        String type = declared.orElse(response.identifiedPayloadType().map(MediaType::toString).orElse(null));
        if (!isHtml(type)) {
            return null;
        }
        byte[] body;
        try (InputStream in = http.bodyDecoded().stream()) {
            body = Streams.readAtMost(in, cleaner.options().maxRecordBytes());
        } catch (IOException | RuntimeException e) {
            String message = "the HTTP body could not be read: " + e.getMessage();
            return () -> cleaner.error(message, locator, ids);
        }
        if (body == null) {
            String message = cleaner.overLimit("the page", -1);
            return () -> cleaner.error(message, locator, ids);
        }
        return () -> cleaner.document(() -> Input.html(Decoding.html(body, type)), locator, ids);
    }

    private Supplier<Outcome> conversion(WarcConversion conversion) {
        List<Field> ids = ids(conversion, conversion.target());
        List<Field> locator = locator(conversion);
        String type = conversion.contentType().toString();
        if (!type.toLowerCase(Locale.ROOT).startsWith("text/")) {
            return null;
        }
        byte[] body;
        try (InputStream in = conversion.body().stream()) {
            body = Streams.readAtMost(in, cleaner.options().maxRecordBytes());
        } catch (IOException | RuntimeException e) {
            String message = "the conversion record could not be read: " + e.getMessage();
            return () -> cleaner.error(message, locator, ids);
        }
        if (body == null) {
            String message = cleaner.overLimit("the text", -1);
            return () -> cleaner.error(message, locator, ids);
        }
        return () -> cleaner.document(() -> Input.text(Decoding.text(body, type)), locator, ids);
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT).trim();
        return t.startsWith("text/html") || t.startsWith("application/xhtml+xml");
    }

    @Override
    public Outcome unreadable(IOException e) {
        return cleaner.error("the WARC could not be read after record " + ordinal + ": " + e.getMessage(),
                locator(ordinal + 1, reader.position()), List.of());
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public String skippedWhat() {
        return "WARC records skipped (not a 2xx HTML response or a text conversion)";
    }
}
