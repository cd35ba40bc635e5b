package dev.winnow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelTest {

    @Test
    void readsTheApiNamesWhateverTheirCaseAndSpacing() {
        assertEquals(Label.DONATION, Label.fromId(" Donation "));
        assertEquals(Label.PAYWALL, Label.fromId("paywall"));
    }

    @Test
    void refusesAMissingOrUnknownLabelWithAMessageNamingTheLabels() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Label.fromId(null));
        assertTrue(missing.getMessage().contains("editorial, boilerplate, promo, paywall, donation"), missing.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Label.fromId("advert"));
        assertTrue(unknown.getMessage().contains("'advert'"), unknown.getMessage());
    }
}
