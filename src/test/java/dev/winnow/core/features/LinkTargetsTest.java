package dev.winnow.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTargetsTest {

    private static int[] keys(String... hrefs) {
        PageFeatures.IntList keys = new PageFeatures.IntList(8);
        LinkTargets.addKeys(List.of(hrefs), keys);
        int[] sorted = keys.toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    @Test
    void theSameSiteReachedFromAnyHostOrSchemeGivesTheSameFeatures() {
        assertEquals(Arrays.toString(keys("https://www.facebook.com/winnow")), Arrays.toString(keys("//m.facebook.com/winnow")));
        assertEquals(Arrays.toString(keys("https://www.bbc.co.uk/news")), Arrays.toString(keys("http://bbc.co.uk/news")));
    }

    @Test
    void aShareIntentAFollowLinkAndATeaserDiffer() {
        int[] share = keys("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fa");
        int[] follow = keys("https://www.facebook.com/examplenews");
        int[] teaser = keys("/politics/2026/11/27/parliament-votes-on-the-budget-after-a-long-night");
        assertNotEquals(Arrays.toString(share), Arrays.toString(follow));
        assertNotEquals(Arrays.toString(follow), Arrays.toString(teaser));
    }

    @Test
    void schemesOtherThanTheWebsAreAKindOfLinkOnly() {
        assertEquals(1, keys("mailto:desk@example.org").length);
        assertEquals(1, keys("javascript:void(0)").length);
        assertEquals(1, keys("#comments").length);
        assertEquals(Arrays.toString(keys("mailto:a@b.org")), Arrays.toString(keys("MAILTO:other@c.org")));
    }
}
