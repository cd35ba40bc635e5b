package dev.winnow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.render.Format;
import dev.winnow.core.segment.HtmlSegmenter;
import dev.winnow.core.segment.TextSegmenter;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core's limits: the time limit stops work mid-stage, the block limit stops segmenting early. */
class LimitsTest {

    private static Winnow winnow;

    @BeforeAll
    static void load() throws IOException {
        winnow = Winnow.fromClasspath();
    }

    /** Nested tables: jsoup's tree builder spends seconds on a megabyte of them. */
    private static String slowToParse() {
        return "<table><tr><td>".repeat(60_000) + "the end";
    }

    @Test
    void theTimeLimitStopsAParseThatWouldTakeSeconds() {
        Winnow limited = winnow.withLimits(Limits.DEFAULT.withMaxTime(Duration.ofMillis(200)));
        long start = System.nanoTime();
        TimeLimitExceededException e = assertThrows(TimeLimitExceededException.class,
                () -> limited.clean(Input.html(slowToParse()), CleanOptions.DEFAULT));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "the parse went on for " + millis + " ms past a 200 ms limit");
        assertTrue(e.getMessage().contains("200 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("parsing the HTML"), e.getMessage());
    }

    @Test
    void aPassedDeadlineStopsEveryStage() {
        Deadline passed = Deadline.after(Duration.ofNanos(1));
        String text = "a line\n".repeat(10_000);
        assertThrows(TimeLimitExceededException.class, () -> new TextSegmenter().segment(text, passed));
        assertThrows(TimeLimitExceededException.class,
                () -> new HtmlSegmenter(512).segment("<p>x</p>".repeat(2_000), passed));
        assertThrows(TimeLimitExceededException.class,
                () -> winnow.clean(Input.text("one line"), CleanOptions.DEFAULT, passed));
    }

    @Test
    void noTimeLimitMeansNone() {
        assertTrue(Deadline.after(Duration.ZERO).isNone());
        assertEquals(Long.MAX_VALUE, Deadline.NONE.remainingNanos());
        Winnow unlimited = winnow.withLimits(Limits.DEFAULT.withMaxTime(Duration.ZERO));
        assertEquals("one line", unlimited.clean(Input.text("one line"), CleanOptions.DEFAULT.withPolicy(
                dev.winnow.core.policy.DropPolicy.parse(""))).output());
    }

    @Test
    void aTimeLimitIsALimit() {
        assertTrue(LimitExceededException.class.isAssignableFrom(TimeLimitExceededException.class),
                "callers that catch LimitExceededException (the batch record rules) must catch the time limit too");
    }

    @Test
    void segmentingStopsAtTheFirstBlockOverTheLimit() {
        LimitExceededException text = assertThrows(LimitExceededException.class,
                () -> new TextSegmenter(100).segment("a\n".repeat(101)));
        assertTrue(text.getMessage().contains("100"), text.getMessage());
        assertEquals(100, new TextSegmenter(100).segment("a\n".repeat(100)).size());
        assertThrows(LimitExceededException.class, () -> new HtmlSegmenter(512, 100).segment("<p>a</p>".repeat(101)));
        assertEquals(100, new HtmlSegmenter(512, 100).segment("<p>a</p>".repeat(100)).size());
        Winnow small = winnow.withLimits(new Limits(10, 512));
        assertThrows(LimitExceededException.class, () -> small.clean(Input.html("<p>a</p>".repeat(11)), CleanOptions.DEFAULT));
    }

    @Test
    void controlCharactersAreNoText() {
        assertEquals(0, new TextSegmenter().segment("\0".repeat(10_000) + "\n\u0001\u0007\u007f\n").size());
        assertEquals(0, new HtmlSegmenter().segment("<p>\0\0\0</p>").size());
        CleanResult result = winnow.clean(Input.text("\0\0\0"), CleanOptions.DEFAULT.withFormat(Format.HTML));
        assertEquals("", result.output());
        assertEquals(0, result.counts().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 512));
        assertThrows(IllegalArgumentException.class, () -> new Limits(10, 512, Duration.ofSeconds(-1)));
        assertEquals(Limits.DEFAULT_MAX_TIME, new Limits(10, 512).maxTime());
    }
}
