package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * calibrate keeps the grid's output weights only where they hold on dev sites they were not
 * chosen on: a weight every site needs is kept, one that a single site's notices carry is not.
 */
class CalibrationTest {

    /** Probabilities in the order editorial, boilerplate, promo, paywall, donation. */
    private static final double[] CLEAR_PROMO = {0, 0.1, 0.8, 0.05, 0.05};
    private static final double[] CLEAR_PAYWALL = {0, 0.1, 0.05, 0.8, 0.05};
    private static final double[] CLEAR_DONATION = {0, 0.1, 0.05, 0.05, 0.8};
    /** A notice the second stage is unsure of: boilerplate unweighted, paywall from a paywall weight of 1.5. */
    private static final double[] UNSURE = {0, 0.5, 0.05, 0.4, 0.05};

    @Test
    void aWeightEverySiteNeedsHoldsOnSitesItWasNotChosenOn() {
        assertTheGridsPaywallWeightHolds(sites(20, Label.PAYWALL, 2), true);
    }

    @Test
    void aWeightOneSiteCarriesDoesNotHold() {
        // one site's many unsure notices outweigh the unsure boilerplate lines of all the others
        List<Calibration.Scored> blocks = new ArrayList<>();
        add(blocks, "gated.example", Label.PAYWALL, UNSURE, 30);
        clearBlocks(blocks, "gated.example");
        blocks.addAll(sites(19, Label.BOILERPLATE, 1));
        assertTheGridsPaywallWeightHolds(blocks, false);
    }

    @Test
    void theCheckIsTheSameOnEveryRun() {
        List<Calibration.Scored> blocks = new ArrayList<>();
        for (int site = 0; site < 10; site++) {
            clearBlocks(blocks, "site" + site);
            add(blocks, "site" + site, site % 3 == 0 ? Label.PAYWALL : Label.BOILERPLATE, UNSURE, 1 + site % 4);
        }
        assertEquals(Calibration.heldOut(blocks, blocks, new Random(5)), Calibration.heldOut(blocks, blocks, new Random(5)));
    }

    /**
     * On all sites together the grid weighs paywall up enough to catch the unsure notices; whether
     * that choice holds on the sites it was not chosen on is what each test asks.
     */
    private static void assertTheGridsPaywallWeightHolds(List<Calibration.Scored> blocks, boolean holds) {
        double[] grid = Calibration.gridBest(blocks, blocks);
        assertTrue(grid[Label.PAYWALL.ordinal()] >= 1.5, "on all sites together the grid weighs paywall up: " + Arrays.toString(grid));
        Calibration.HeldOut heldOut = Calibration.heldOut(blocks, blocks, new Random(1));
        assertEquals(holds, heldOut.gridHolds(), "grid " + heldOut.grid() + " against unweighted " + heldOut.unweighted());
    }

    /** {@code count} sites, each with clear blocks of every label and {@code unsureEach} unsure ones of {@code unsureGold}. */
    private static List<Calibration.Scored> sites(int count, Label unsureGold, int unsureEach) {
        List<Calibration.Scored> blocks = new ArrayList<>();
        for (int site = 0; site < count; site++) {
            clearBlocks(blocks, "site" + site);
            add(blocks, "site" + site, unsureGold, UNSURE, unsureEach);
        }
        return blocks;
    }

    private static void clearBlocks(List<Calibration.Scored> blocks, String site) {
        add(blocks, site, Label.PROMO, CLEAR_PROMO, 2);
        add(blocks, site, Label.PAYWALL, CLEAR_PAYWALL, 1);
        add(blocks, site, Label.DONATION, CLEAR_DONATION, 2);
        add(blocks, site, Label.BOILERPLATE, new double[] {0, 0.9, 0.04, 0.03, 0.03}, 3);
    }

    private static void add(List<Calibration.Scored> blocks, String site, Label gold, double[] p, int times) {
        for (int i = 0; i < times; i++) {
            blocks.add(new Calibration.Scored(site, gold, p.clone()));
        }
    }
}
