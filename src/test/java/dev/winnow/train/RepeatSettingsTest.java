package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rare label's rows counted no times would train a model that never names it: refused, with the flag named. */
class RepeatSettingsTest {

    @Test
    void rareAndPromoRowsMustCountAtLeastOnce() {
        IllegalStateException rare = assertThrows(IllegalStateException.class, () -> TrainingSettings.DEFAULT.withRareRepeat(0));
        assertTrue(rare.getMessage().startsWith("--rare-repeat takes 1 or more"), rare.getMessage());
        IllegalStateException promo = assertThrows(IllegalStateException.class, () -> TrainingSettings.DEFAULT.withPromoRepeat(-2));
        assertTrue(promo.getMessage().startsWith("--promo-repeat takes 1 or more"), promo.getMessage());
        IllegalStateException second = assertThrows(IllegalStateException.class, () -> TrainingSettings.DEFAULT.withSecondStageRareRepeat(-1));
        assertTrue(second.getMessage().startsWith("--second-stage-rare-repeat takes 0 or more"), second.getMessage());
        IllegalStateException donation = assertThrows(IllegalStateException.class, () -> TrainingSettings.DEFAULT.withSecondStageDonationRepeat(-3));
        assertTrue(donation.getMessage().startsWith("--second-stage-donation-repeat takes 0 or more"), donation.getMessage());
    }

    @Test
    void aCountOfOneOrMoreIsKept() {
        assertEquals(8, TrainingSettings.DEFAULT.withRareRepeat(8).rareRepeat());
        assertEquals(1, TrainingSettings.DEFAULT.withPromoRepeat(1).promoRepeat());
    }
}
