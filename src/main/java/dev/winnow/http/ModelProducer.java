package dev.winnow.http;

import dev.winnow.core.Limits;
import dev.winnow.core.Winnow;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the model once, at start-up, and hands the one {@link Winnow} to every request. A model
 * that cannot be read stops the start-up with a message naming the file.
 */
@Singleton
@Startup
public class ModelProducer {

    private static final Logger LOG = Logger.getLogger(ModelProducer.class);

    private final Winnow winnow;
    private final String source;

    @Inject
    public ModelProducer(WinnowConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverMaxBody) {
        Limits limits = limits(config);
        if (serverMaxBody.isPresent() && serverMaxBody.get().asLongValue() <= config.maxBodyBytes()) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is not above winnow.max-body-bytes (%d): "
                    + "bodies near the limit get the HTTP server's bare 413 instead of a problem+json answer",
                    serverMaxBody.get().asLongValue(), config.maxBodyBytes());
        }
        long start = System.nanoTime();
        Winnow loaded;
        String from;
        if (config.model().path().isPresent()) {
            Path file = Path.of(config.model().path().get()).toAbsolutePath();
            from = file.toString();
            try {
                loaded = Winnow.fromFile(file);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot load the winnow model from " + file
                        + " (set by winnow.model.path): " + e.getMessage(), e);
            }
        } else {
            from = "classpath:" + Winnow.BUNDLED_MODEL;
            try {
                loaded = Winnow.fromClasspath();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot load the winnow model bundled at " + from
                        + " (set winnow.model.path to use another file): " + e.getMessage(), e);
            }
        }
        this.winnow = loaded.withLimits(limits);
        this.source = from;
        LOG.infof("winnow model %s loaded from %s in %d ms (max %d blocks, max depth %d, max body %d bytes)",
                winnow.modelId(), source, (System.nanoTime() - start) / 1_000_000,
                limits.maxBlocks(), limits.maxDepth(), config.maxBodyBytes());
    }

    private static Limits limits(WinnowConfig config) {
        if (config.maxBodyBytes() <= 0) {
            throw new IllegalStateException("winnow.max-body-bytes must be positive, not " + config.maxBodyBytes());
        }
        if (config.maxBlocks() <= 0) {
            throw new IllegalStateException("winnow.max-blocks must be positive, not " + config.maxBlocks());
        }
        if (config.maxDepth() <= 0) {
            throw new IllegalStateException("winnow.max-depth must be positive, not " + config.maxDepth());
        }
        return new Limits(config.maxBlocks(), config.maxDepth());
    }

    @Produces
    @Singleton
    Winnow winnow() {
        return winnow;
    }

    /** The id of the loaded model. */
    public String modelId() {
        return winnow.modelId();
    }

    /** Where the model was read from: a file path or {@code classpath:/model/winnow.model}. */
    public String source() {
        return source;
    }
}
