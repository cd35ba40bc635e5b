package dev.winnow.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void htmlFollowsTheDeclaredCharset() {
        byte[] page = "<p>Caf\u00e9</p>".getBytes(CP1252);
        assertEquals("<p>Caf\u00e9</p>", Decoding.html(page, "text/html; charset=ISO-8859-1"));
    }

    @Test
    void htmlFollowsItsMetaCharsetWhenTheServerSaysNothing() {
        byte[] page = "<html><head><meta charset=\"windows-1252\"></head><body>na\u00efve</body></html>".getBytes(CP1252);
        assertTrue(Decoding.html(page, null).contains("na\u00efve"));
        byte[] old = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\u00e9t\u00e9</p>".getBytes(CP1252);
        assertTrue(Decoding.html(old, "text/html").contains("\u00e9t\u00e9"));
    }

    @Test
    void htmlInUtf8IsReadAsSuchWhateverItsMetaSays() {
        byte[] saved = "<meta charset=\"windows-1252\"><p>Caf\u00e9</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals("<meta charset=\"windows-1252\"><p>Caf\u00e9</p>", Decoding.html(saved, null));
        assertEquals("<meta charset=\"windows-1252\"><p>Caf\u00c3\u00a9</p>", Decoding.html(saved, "text/html; charset=windows-1252"),
                "the server's charset is followed, as the HTTP service follows a caller's");
    }

    @Test
    void htmlIsUtf8ByDefaultAndAByteOrderMarkWins() {
        assertEquals("\u017c\u00f3\u0142w", Decoding.html("\u017c\u00f3\u0142w".getBytes(StandardCharsets.UTF_8), null));
        byte[] bom = "\uFEFF<p>\u00e9</p>".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("<p>\u00e9</p>", Decoding.html(bom, "text/html; charset=windows-1252"));
    }

    @Test
    void textIsStrictUtf8AndSaysWhereItBreaks() {
        assertEquals("caf\u00e9", Decoding.text("caf\u00e9".getBytes(StandardCharsets.UTF_8), null));
        RecordException e = assertThrows(RecordException.class, () -> Decoding.text("caf\u00e9".getBytes(CP1252), null));
        assertTrue(e.getMessage().contains("not valid UTF-8 (at byte 3)"), e.getMessage());
    }

    @Test
    void textHonoursADeclaredCharset() {
        assertEquals("caf\u00e9", Decoding.text("caf\u00e9".getBytes(CP1252), "text/plain; charset=windows-1252"));
    }
}
