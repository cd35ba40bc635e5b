package dev.winnow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which words start the service, and what every other word does. */
class WinnowMainTest {

    @TempDir
    Path dir;

    record Run(int exit, String stdout, String stderr) {
    }

    static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = WinnowMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onlyNoCommandOrServeStartsTheService() {
        assertTrue(WinnowMain.startsService());
        assertTrue(WinnowMain.startsService("serve"));
        for (String word : new String[] {"disagree", "evalute", "Serve", "--port", "8080", "batch", "help"}) {
            assertFalse(WinnowMain.startsService(word), word);
        }
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExits2() throws Exception {
        for (String word : new String[] {"evalute", "--port", "srve"}) {
            Run r = run(word, "--data", "x");
            assertEquals(2, r.exit(), word);
            assertTrue(r.stderr().startsWith("winnow: unknown command '" + word + "'\nusage: "), r.stderr());
            assertEquals("", r.stdout());
        }
    }

    @Test
    void disagreeRunsTheTrainingCommandNotTheService() throws Exception {
        // Without the shared pages it stops with the training commands' own error, which shows
        // that disagree reached them.
        Run r = run("disagree", "--data", dir.resolve("no-shared-data").toString());
        assertEquals(1, r.exit(), r.stdout() + r.stderr());
        assertTrue(r.stdout().startsWith("error: "), r.stdout());
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        Run r = run("help");
        assertEquals(0, r.exit());
        for (String command : new String[] {"serve", "batch", "train", "evaluate", "tune", "disagree", "dump"}) {
            assertTrue(r.stdout().contains("\n  " + command + " "), command + " is missing from\n" + r.stdout());
        }
    }
}
