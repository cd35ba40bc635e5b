package dev.winnow.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class and id values split into words: the ASCII shortcut gives what the general reading gives. */
class ClassWordsTest {

    @Test
    void camelCaseDashesDigitsAndShortWordsAreReadAsPeopleReadThem() {
        List<String> words = new ArrayList<>();
        ClassWords.addFrom("c-newsletterSignup_box2 x BOX", words);
        assertEquals(List.of("newsletter", "signup", "box"), words);
    }

    @Test
    void asciiValuesGiveTheWordsOfTheGeneralReading() {
        String[] values = {
            "c-newsletterSignup_box2", "flex items-center justify-between px-4 py-2 md:px-8 lg:flex-row",
            "ABCDef", "aBC", "HTMLParser", "x", "ab", "post-123 type-post status-publish hentry category-news",
            "a".repeat(30) + " short", "entry-content" + " word".repeat(80), "  leading  trailing  ", "wp-block-group__inner-container",
        };
        for (String value : values) {
            List<String> ascii = new ArrayList<>();
            List<String> any = new ArrayList<>();
            ClassWords.addFromAscii(value, ascii);
            ClassWords.addFromAny(value, any);
            assertEquals(any, ascii, value);
        }
    }

    @Test
    void readingStopsAtTheCap() {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            value.append("w").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        List<String> words = new ArrayList<>();
        ClassWords.addFrom(value.toString(), words);
        List<String> general = new ArrayList<>();
        ClassWords.addFromAny(value.toString(), general);
        assertEquals(general, words);
        assertEquals(ClassWords.MAX_WORDS, words.size());
    }
}
