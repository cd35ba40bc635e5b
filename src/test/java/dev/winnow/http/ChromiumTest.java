package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing browser skips the browser tests on a developer's machine and fails them in CI. */
class ChromiumTest {

    @Test
    void aMissingBrowserFailsInCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Chromium.require(false, Map.of("CI", "true")));
        assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage());
    }

    @Test
    void aMissingBrowserSkipsElsewhere() {
        assertThrows(TestAbortedException.class, () -> Chromium.require(false, Map.of()));
        assertThrows(TestAbortedException.class, () -> Chromium.require(false, Map.of("CI", "false")));
    }

    @Test
    void aPresentBrowserRuns() {
        assertDoesNotThrow(() -> Chromium.require(true, Map.of("CI", "true")));
    }
}
