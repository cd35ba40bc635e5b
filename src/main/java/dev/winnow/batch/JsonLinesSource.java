package dev.winnow.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * JSON Lines (NDJSON): one JSON object per line, UTF-8. Blank lines are not records; every other
 * line is one, numbered as the line it stands on.
 */
public final class JsonLinesSource implements RecordSource {

    private final LineReader lines;
    private final RecordCleaner cleaner;
    private long lastLine;

    /** @param in the decompressed input; read here, never closed */
    public JsonLinesSource(InputStream in, RecordCleaner cleaner) {
        this.lines = new LineReader(in, cleaner.options().maxRecordBytes());
        this.cleaner = cleaner;
    }

    @Override
    public Supplier<Outcome> next() throws IOException {
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            lastLine = line.number();
            LineReader.Line record = line;
            if (record.tooLong()) {
                return () -> cleaner.oversizedLine(record.number(), record.length());
            }
            if (!blank(record.bytes())) {
                return () -> cleaner.jsonLine(record.bytes(), record.number());
            }
        }
        return null;
    }

    @Override
    public Outcome unreadable(IOException e) {
        return cleaner.error("the input could not be read after line " + lastLine + ": " + e.getMessage(),
                List.of(Field.number(RecordCleaner.LINE, lastLine + 1)), List.of());
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
