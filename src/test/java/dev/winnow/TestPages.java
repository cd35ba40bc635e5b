package dev.winnow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The real pages of src/test/resources, kept gzip'd as in shared/data: read as the UTF-8 they are. Shared by the tests of every layer. */
public final class TestPages {

    private TestPages() {
    }

    public static String gunzip(Path path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
