package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that cannot be loaded stops the start-up with a message that names the file. */
class ModelProducerTest {

    static WinnowConfig config(String modelPath, long maxBodyBytes) {
        return new WinnowConfig() {
            @Override
            public Model model() {
                return () -> Optional.ofNullable(modelPath);
            }

            @Override
            public long maxBodyBytes() {
                return maxBodyBytes;
            }

            @Override
            public int maxBlocks() {
                return 50_000;
            }

            @Override
            public int maxDepth() {
                return 512;
            }
        };
    }

    @Test
    void aMissingModelFileStopsTheStartUpNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("absent.model");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ModelProducer(config(missing.toString(), 1024), Optional.empty()));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("winnow.model.path"), e.getMessage());
    }

    @Test
    void aCorruptModelFileStopsTheStartUpNamingTheFile(@TempDir Path dir) throws IOException {
        Path corrupt = Files.writeString(dir.resolve("corrupt.model"), "not a model");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ModelProducer(config(corrupt.toString(), 1024), Optional.empty()));
        assertTrue(e.getMessage().contains(corrupt.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a gzip'd winnow model") || e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void aNonPositiveBodyLimitIsRefusedBeforeAnythingIsLoaded(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ModelProducer(config(dir.resolve("unused.model").toString(), 0), Optional.empty()));
        assertTrue(e.getMessage().contains("winnow.max-body-bytes"), e.getMessage());
    }
}
