package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.winnow.core.model.ModelFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code train} with the committed defaults writes the shipped model byte for byte (model card); a new
 * setting whose default changed the settings line {@code train} writes, and so the model's id, would break
 * that silently. The line the defaults describe must be the one the shipped model carries.
 */
class DefaultsDescribeTheShippedModelTest {

    @Test
    void theDefaultSettingsLineIsTheShippedModels() throws Exception {
        String shipped = ModelFile.read(Path.of("model/winnow.model")).card().get("settings");
        assertEquals(shipped, TrainingSettings.DEFAULT.describe(),
                "TrainingSettings.DEFAULT no longer describes the shipped model: retrain it, or give the new setting a default that leaves the line as it was");
    }
}
