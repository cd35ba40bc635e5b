package dev.winnow.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * JSON Lines (NDJSON): one JSON object per line, UTF-8. Blank lines are not records; every other
 * line is one, numbered as the line it stands on.
 */
public final class JsonLinesSource implements RecordSource {

    private final LineReader lines;
    private final RecordCleaner cleaner;
    private final List<Field> origin;
    private long lastLine;

    /** @param in the decompressed input; read here, never closed */
    public JsonLinesSource(InputStream in, RecordCleaner cleaner) {
        this(in, cleaner, 1, List.of());
    }

    /**
     * A part of a larger input, as a Spark task reads one split of a file.
     *
     * @param in        the decompressed input, starting at the beginning of a line; never closed
     * @param firstLine the number of that line in the whole input, from 1
     * @param origin    where the input comes from (a file name), written before the line number of
     *                  an error record
     */
    public JsonLinesSource(InputStream in, RecordCleaner cleaner, long firstLine, List<Field> origin) {
        this.lines = new LineReader(in, cleaner.options().maxRecordBytes(), firstLine);
        this.cleaner = cleaner;
        this.origin = List.copyOf(origin);
        this.lastLine = firstLine - 1;
    }

    @Override
    public Supplier<Outcome> next() throws IOException {
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            lastLine = line.number();
            LineReader.Line record = line;
            List<Field> locator = locator(record.number());
            if (record.tooLong()) {
                return () -> cleaner.oversizedLine(locator, record.length());
            }
            if (!blank(record.bytes())) {
                return () -> cleaner.jsonLine(record.bytes(), locator);
            }
        }
        return null;
    }

    @Override
    public Outcome unreadable(IOException e) {
        return cleaner.error("the input could not be read after line " + lastLine + ": " + e.getMessage(),
                locator(lastLine + 1), List.of());
    }

    private List<Field> locator(long line) {
        if (origin.isEmpty()) {
            return List.of(Field.number(RecordCleaner.LINE, line));
        }
        List<Field> locator = new ArrayList<>(origin);
        locator.add(Field.number(RecordCleaner.LINE, line));
        return locator;
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
