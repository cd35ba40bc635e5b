package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Debian's headless Chromium and its driver, which the playground's browser tests drive. On a
 * developer's machine without them those tests are skipped with a message that says how to
 * install them; in CI ({@code CI=true}) they fail instead, so that a suite that never opened the
 * page cannot pass there.
 */
final class Chromium {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install chromium chromium-driver";

    private Chromium() {
    }

    static boolean present() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    static String missing() {
        return "no Chromium at " + BINARY + " or no chromedriver at " + DRIVER + " (" + INSTALL + "; .ci/run installs them)";
    }

    /** Skips the calling test when the browser is missing, or fails it when the environment is CI. */
    static void require(boolean present, Map<String, String> environment) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(environment.getOrDefault("CI", "").trim())) {
            fail("CI=true and the playground's browser test cannot run: " + missing());
        }
        assumeTrue(false, "SKIPPED the playground's browser test: " + missing());
    }
}
