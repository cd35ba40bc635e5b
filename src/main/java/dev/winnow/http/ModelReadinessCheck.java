package dev.winnow.http;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code model}: UP with the model's id once the model is loaded. Asynchronous,
 * so that it answers on the management interface's I/O thread: a blocking check runs on the
 * worker pool, and would wait as long as cleaning requests keep every worker busy.
 */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements AsyncHealthCheck {

    private final Instance<ModelProducer> model;

    public ModelReadinessCheck(Instance<ModelProducer> model) {
        this.model = model;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(this::check);
    }

    HealthCheckResponse check() {
        ModelProducer loaded;
        try {
            loaded = model.get();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("model").down().withData("error", String.valueOf(e.getMessage())).build();
        }
        return HealthCheckResponse.named("model").up()
                .withData("modelId", loaded.modelId())
                .withData("source", loaded.source())
                .build();
    }
}
