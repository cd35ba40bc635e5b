package dev.winnow.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code model}: UP with the model's id once the model is loaded. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final Instance<ModelProducer> model;

    public ModelReadinessCheck(Instance<ModelProducer> model) {
        this.model = model;
    }

    @Override
    public HealthCheckResponse call() {
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
