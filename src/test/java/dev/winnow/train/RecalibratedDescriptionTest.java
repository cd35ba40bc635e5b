package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(trained.withCalibration(CHOSEN, 0.97).describe(),
                TrainingSettings.recalibrated(trained.describe(), CHOSEN, 0.97));
    }

    @Test
    void aModelWrittenWithoutWeightsGetsThemAfterItsOtherSettings() {
        TrainingSettings trained = TrainingSettings.DEFAULT.withPromoRepeat(2).withCalibration(null, 0.99);
        assertEquals(trained.withCalibration(CHOSEN, 0.95).describe(),
                TrainingSettings.recalibrated(trained.describe(), CHOSEN, 0.95));
    }

    @Test
    void theDefaultsAreDescribedAsCalibrateDescribedThemBefore() {
        // the shipped model is calibrated with the defaults: its card must not move
        assertEquals(TrainingSettings.DEFAULT.withCalibration(CHOSEN, 0.99).describe(),
                TrainingSettings.recalibrated(TrainingSettings.DEFAULT.describe(), CHOSEN, 0.99));
    }
}
