package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Winnow;
import dev.winnow.core.model.ModelFile;
import jakarta.enterprise.inject.Instance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file that cannot be loaded, however it is broken, stops the start-up with a message
 * naming the file; the readiness check is down until a model is loaded. Plain JUnit: no server.
 */
class ModelStartupFaultsTest {

    @TempDir
    static Path dir;

    /** Broken model files, by how they are broken. */
    static final Map<String, Path> BROKEN = new LinkedHashMap<>();

    @BeforeAll
    static void writeBrokenModels() throws IOException {
        byte[] real;
        try (InputStream in = Winnow.class.getResourceAsStream(Winnow.BUNDLED_MODEL)) {
            real = in.readAllBytes();
        }
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        BROKEN.put("empty", Files.write(dir.resolve("empty.model"), new byte[0]));
        BROKEN.put("garbage", Files.write(dir.resolve("garbage.model"), noise));
        BROKEN.put("text", Files.writeString(dir.resolve("text.model"), "not a model\n"));
        BROKEN.put("truncated to half", Files.write(dir.resolve("half.model"), Arrays.copyOf(real, real.length / 2)));
        BROKEN.put("truncated to the gzip header", Files.write(dir.resolve("header.model"), Arrays.copyOf(real, 10)));
        BROKEN.put("gzip'd garbage", Files.write(dir.resolve("gzipped-garbage.model"), gzip(noise)));
        BROKEN.put("gzip'd other object", Files.write(dir.resolve("string.model"), gzip(serialised("a string"))));
        BROKEN.put("gzip'd forbidden class", Files.write(dir.resolve("uri.model"), gzip(serialised(URI.create("http://example.com/")))));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] serialised(Object o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(o);
        }
        return out.toByteArray();
    }

    /** A configuration with the defaults and this model path (null: the bundled model). */
    private static WinnowConfig config(String modelPath) {
        return ModelProducerTest.config(modelPath, WinnowConfig.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void everyBrokenFileIsAnIoExceptionNamingTheFile() {
        for (Map.Entry<String, Path> broken : BROKEN.entrySet()) {
            Path file = broken.getValue();
            // ModelFile.read fails with an IOException for every one of them ...
            assertThrows(IOException.class, () -> ModelFile.read(file), broken.getKey());
            // ... and the core's front door always names the file (ModelFile's own message does
            // not for a gzip'd file that is no Java serialisation)
            IOException e = assertThrows(IOException.class, () -> Winnow.fromFile(file), broken.getKey());
            assertTrue(e.getMessage().contains(file.toString()), broken.getKey() + ": " + e.getMessage());
        }
        Path absent = dir.resolve("absent.model");
        IOException missing = assertThrows(IOException.class, () -> Winnow.fromFile(absent));
        assertTrue(missing.getMessage().contains(absent.toString()), missing.getMessage());
    }

    @Test
    void theProducerStopsTheStartUpNamingTheFileAndTheKey() {
        for (Map.Entry<String, Path> broken : BROKEN.entrySet()) {
            String path = broken.getValue().toAbsolutePath().toString();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new ModelProducer(config(path), Optional.empty()), broken.getKey());
            assertTrue(e.getMessage().contains(path), broken.getKey() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("winnow.model.path"), broken.getKey() + ": " + e.getMessage());
        }
    }

    @Test
    void readinessIsDownUntilTheModelIsLoaded() {
        String path = BROKEN.get("garbage").toAbsolutePath().toString();
        HealthCheckResponse down = new ModelReadinessCheck(instance(() -> new ModelProducer(config(path), Optional.empty()))).check();
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertTrue(String.valueOf(down.getData().orElseThrow().get("error")).contains(path), down.getData().toString());

        ModelProducer loaded = new ModelProducer(config(null), Optional.empty());
        HealthCheckResponse up = new ModelReadinessCheck(instance(() -> loaded)).check();
        assertEquals(HealthCheckResponse.Status.UP, up.getStatus());
        assertEquals(loaded.modelId(), up.getData().orElseThrow().get("modelId"));
    }

    /** An {@code Instance} whose {@code get()} builds the producer, as CDI would, failure included. */
    @SuppressWarnings("unchecked")
    private static Instance<ModelProducer> instance(Supplier<ModelProducer> producer) {
        return (Instance<ModelProducer>) Proxy.newProxyInstance(ModelStartupFaultsTest.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get") && (args == null || args.length == 0)) {
                        return producer.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
