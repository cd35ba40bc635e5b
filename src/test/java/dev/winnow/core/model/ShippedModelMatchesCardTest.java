package dev.winnow.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Winnow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The model bundled in the jar is the one the model card describes. */
class ShippedModelMatchesCardTest {

    @Test
    void theBundledModelCarriesTheIdRecordedInTheModelCard() throws Exception {
        String card = Files.readString(Path.of("model/README.md"));
        Matcher id = Pattern.compile("Model id: `(winnow-[0-9a-f]{12})`").matcher(card);
        assertTrue(id.find(), "model/README.md must record the shipped model's id as Model id: `winnow-…`");
        assertEquals(id.group(1), Winnow.fromClasspath().modelId(),
                "the bundled model/winnow.model is not the model the card describes: retrain or update the card");
    }
}
