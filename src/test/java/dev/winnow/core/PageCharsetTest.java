package dev.winnow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PageCharsetTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** A Gazeta Wyborcza page saved as UTF-8 under its site's ISO-8859-2 meta (Apache-2.0, see pages/news/NOTICE.md). */
    private static byte[] savedPage() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("src/test/resources/pages/news/wyborcza-lotos.html.gz")))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSavedPageIsReadAsTheUtf8ItIsAndNotAsItsStaleMetaSays() throws IOException {
        byte[] page = savedPage();
        String head = new String(page, 0, 4096, StandardCharsets.US_ASCII);
        assertTrue(head.contains("<meta charset=\"ISO-8859-2\">"), "the fixture still says ISO-8859-2");
        String gate = "Kup dost\u0119p i do\u0142\u0105cz do grona prenumerator\u00f3w";
        assertFalse(new String(page, Charset.forName("ISO-8859-2")).contains(gate), "read by its meta, the gate is mojibake");
        assertEquals(StandardCharsets.UTF_8, PageCharset.of(page, null));
        String decoded = PageCharset.decode(page, null);
        assertTrue(decoded.contains(gate), "the subscription prompt reads as it was written");
        assertTrue(decoded.contains("Nowym prezesem zarz\u0105du Grupy Lotos"));
    }

    @Test
    void bytesThatAreNotUtf8FollowTheirMetaByTheLabelsBrowsersUse() {
        byte[] latin = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\u201cCaf\u00e9\u201d</p>".getBytes(CP1252);
        assertEquals(CP1252, PageCharset.of(latin, null), "ISO-8859-1 is read as windows-1252, as browsers do");
        assertTrue(PageCharset.decode(latin, null).contains("\u201cCaf\u00e9\u201d"));
        byte[] xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html><p>\u017c\u00f3\u0142w</p></html>".getBytes(Charset.forName("ISO-8859-2"));
        assertTrue(PageCharset.decode(xml, null).contains("\u017c\u00f3\u0142w"), "an XML declaration names the charset too");
    }

    @Test
    void aByteOrderMarkThenTheCallersCharsetComeFirst() {
        byte[] utf8 = "<meta charset=\"windows-1252\"><p>Caf\u00e9</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals(CP1252, PageCharset.of(utf8, CP1252), "the caller named the charset; its word stands");
        byte[] bom = "\uFEFF<p>\u00e9</p>".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("<p>\u00e9</p>", PageCharset.decode(bom, CP1252));
    }

    @Test
    void aMetaThatCannotHaveBeenReadAsAsciiIsIgnored() {
        for (String lie : new String[] {"utf-16", "UTF-32", "IBM037", "x-no-such-charset"}) {
            byte[] page = ("<meta charset=\"" + lie + "\"><p>plain words</p>").getBytes(StandardCharsets.US_ASCII);
            assertEquals(StandardCharsets.UTF_8, PageCharset.of(page, null), lie);
        }
        byte[] broken = {'<', 'p', '>', (byte) 0xC3, '(', '<', '/', 'p', '>'};
        assertEquals("<p>\uFFFD(</p>", PageCharset.decode(broken, null), "without a meta, UTF-8, leniently");
    }

    @Test
    void textIsDecodedStrictlyByItsMarkThenTheDeclaredCharsetThenUtf8() {
        assertEquals("caf\u00e9", PageCharset.decodeStrictly("caf\u00e9".getBytes(StandardCharsets.UTF_8), null));
        assertEquals("caf\u00e9", PageCharset.decodeStrictly("caf\u00e9".getBytes(CP1252), CP1252));
        byte[] marked = "\uFEFFZ\u00fcrich".getBytes(StandardCharsets.UTF_8);
        assertEquals("Z\u00fcrich", PageCharset.decodeStrictly(marked, CP1252),
                "the byte-order mark outranks a declared charset, as it does for a page, and is not part of the text");
        assertEquals("Z\u00fcrich", PageCharset.decodeStrictly("\uFEFFZ\u00fcrich".getBytes(StandardCharsets.UTF_16BE), null));
    }

    @Test
    void textThatIsNotValidInItsCharsetIsRefusedAtItsByte() {
        UndecodableTextException e = assertThrows(UndecodableTextException.class,
                () -> PageCharset.decodeStrictly("caf\u00e9 au lait".getBytes(CP1252), null));
        assertEquals(StandardCharsets.UTF_8, e.charset());
        assertEquals(3, e.position());
        assertEquals("not valid UTF-8 (at byte 3)", e.getMessage());
        byte[] marked = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k', (byte) 0xFF};
        assertEquals(5, assertThrows(UndecodableTextException.class, () -> PageCharset.decodeStrictly(marked, null)).position(),
                "the byte is counted from the start of the input, its mark included");
    }
}
