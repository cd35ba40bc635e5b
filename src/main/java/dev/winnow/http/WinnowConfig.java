package dev.winnow.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The service's own settings, all under {@code winnow.}. Every one can also be set from the
 * environment ({@code WINNOW_MODEL_PATH}, {@code WINNOW_MAX_BODY_BYTES}, ...).
 */
@ConfigMapping(prefix = "winnow")
public interface WinnowConfig {

    /** Ten mebibytes: the default of {@link #maxBodyBytes()}. */
    long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    /** Which model to load. */
    Model model();

    /**
     * The largest request body {@code POST /v1/clean} reads, in bytes; a larger one is answered
     * with 413. Default 10 MiB. {@code quarkus.http.limits.max-body-size} must stay above it, or
     * the HTTP server itself refuses the body first with a bare 413.
     */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** A document that segments into more blocks than this is refused with 422. Default 50 000. */
    @WithDefault("50000")
    int maxBlocks();

    /** Elements nested deeper than this are read as text of their ancestor. Default 512. */
    @WithDefault("512")
    int maxDepth();

    interface Model {
        /**
         * A model file written by {@code train}. When unset, the model bundled in the jar
         * ({@value dev.winnow.core.Winnow#BUNDLED_MODEL}) is used.
         */
        Optional<String> path();
    }
}
