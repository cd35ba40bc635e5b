package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.model.PaywalledAt;
import org.junit.jupiter.api.Test;

/**
 * calibrate describes the model it read: a model trained with other settings than the defaults keeps
 * them in its card, with the calibration calibrate chose in place of the one train wrote.
 */
class RecalibratedDescriptionTest {

    private static final double[] CHOSEN = {1.0, 1.0, 0.5, 1.5, 1.0};

    @Test
    void aModelTrainedWithOtherSettingsKeepsThemInItsCard() {
        TrainingSettings trained = TrainingSettings.DEFAULT.withRareRepeat(8).withFolds(5).withSeed(7);
        PaywalledAt chosen = new PaywalledAt(0.90, 0.97);
        assertEquals(trained.withCalibration(CHOSEN, chosen).describe(),
                TrainingSettings.recalibrated(trained.describe(), CHOSEN, chosen));
    }

    @Test
    void aModelWrittenWithoutWeightsGetsThemAfterItsOtherSettings() {
        TrainingSettings trained = TrainingSettings.DEFAULT.withPromoRepeat(2).withCalibration(null, PaywalledAt.both(0.99));
        assertEquals(trained.withCalibration(CHOSEN, PaywalledAt.both(0.95)).describe(),
                TrainingSettings.recalibrated(trained.describe(), CHOSEN, PaywalledAt.both(0.95)));
    }

    @Test
    void theDefaultsAreDescribedAsCalibrateDescribedThemBefore() {
        // the shipped model is calibrated with the defaults: its card must not move
        assertEquals(TrainingSettings.DEFAULT.withCalibration(CHOSEN, PaywalledAt.both(0.99)).describe(),
                TrainingSettings.recalibrated(TrainingSettings.DEFAULT.describe(), CHOSEN, PaywalledAt.both(0.99)));
    }

    @Test
    void aThresholdForPlainTextIsSaidOnlyWhereItDiffers() {
        String both = TrainingSettings.DEFAULT.withCalibration(CHOSEN, PaywalledAt.both(0.9)).describe();
        String apart = TrainingSettings.DEFAULT.withCalibration(CHOSEN, new PaywalledAt(0.9, 0.95)).describe();
        assertTrue(both.contains("paywalled from p 0.90;") || both.endsWith("paywalled from p 0.90"), both);
        assertTrue(apart.contains("paywalled from p 0.90 (plain text from p 0.95)"), apart);
    }
}
