package dev.winnow.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * TextStats hashes words straight from the block's text; the model was trained on the keys of
 * the words as strings (split on runs of letters and digits, lower-cased in the root locale, all
 * digits as {@code <year>} or {@code <num>}). Lines where the two could part: letters whose
 * lower case is longer or depends on context, digits of other scripts, surrogate pairs.
 */
class TextStatsTest {

    private static final String[] LINES = {
        "The Guardian, 12 March 2024: Subscribe NOW for £1",
        "İSTANBUL'DA İKİ KİŞİ — Istanbul",
        "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ καλημέρα",
        "Temperature 300 \u212A in Straße STRASSE",
        "Arabic-Indic \u0661\u0662\u0663\u0664 and \u0661\u0662 digits, fullwidth \uff11\uff12\uff13\uff14",
        "Deseret \ud801\udc00\ud801\udc01 and emoji \ud83d\ude00 words",
        "中文新闻 日本語のニュース 한국어",
        "ALLCAPS MiXeD lower 2024 1999a a1999",
        "Élève à l'ÉCOLE: ÜBER Ærø, Øst, Þorn, µm, ÿes, Straße, ×2 ½ ² ÀÉÎÕÜ àéîõü",
        "Straßenbahn ŸVONNE ÉtÉ Ωmega Über-İstanbul café CAFÉ",
        "1999 began, and it ended in 42",
        "Ærø, 2024",
        latin1Line(),
        "",
        "   ...   ",
    };

    @Test
    void wordKeysAreThoseOfTheLowerCasedWords() {
        for (String line : LINES) {
            List<String> words = words(line);
            TextStats stats = TextStats.of(line);
            int[] wordKeys = new int[words.size()];
            int[] bigramKeys = new int[words.size()];
            for (int i = 0; i < words.size(); i++) {
                wordKeys[i] = Hashing.of(Hashing.WORD, words.get(i));
                bigramKeys[i] = Hashing.of(Hashing.BIGRAM, words.get(i));
            }
            assertArrayEquals(wordKeys, stats.wordKeys(), line);
            assertArrayEquals(bigramKeys, stats.bigramKeys(), line);
            if (!words.isEmpty()) {
                assertEquals(Hashing.of(Hashing.STRUCT, "first=", words.get(0)), stats.firstKey(), line);
                assertEquals(Hashing.of(Hashing.STRUCT, "last=", words.get(words.size() - 1)), stats.lastKey(), line);
            }
        }
    }

    @Test
    void stemsAreTheFirstFiveCharactersOfTheLowerCasedWordsLongerThanThat() {
        for (String line : LINES) {
            int[] stems = words(line).stream()
                    .filter(w -> !w.startsWith("<") && w.codePointCount(0, w.length()) > TextStats.PREFIX)
                    .mapToInt(w -> Hashing.of(Hashing.PREFIX, w.substring(0, w.offsetByCodePoints(0, TextStats.PREFIX))))
                    .toArray();
            assertArrayEquals(stems, TextStats.of(line).prefixKeys(), line);
        }
    }

    /** What stems are for: forms of one word that a page may use and training never saw share a key. */
    @Test
    void formsOfOneWordShareAStemAndShortWordsHaveNone() {
        int[] donate = TextStats.of("Donate").prefixKeys();
        assertEquals(1, donate.length);
        assertArrayEquals(donate, TextStats.of("DONATIONS").prefixKeys());
        assertArrayEquals(TextStats.of("abonnieren").prefixKeys(), TextStats.of("Abonnement").prefixKeys());
        assertEquals(0, TextStats.of("Give today 202612").prefixKeys().length, "five letters or fewer, or digits, give no stem");
    }

    @Test
    void onlyTheFirst120WordsAreKept() {
        String text = "Word ".repeat(130) + "Last";
        TextStats stats = TextStats.of(text);
        assertEquals(131, stats.wordCount());
        assertEquals(120, stats.wordKeys().length);
        assertEquals(Hashing.of(Hashing.STRUCT, "last=", "word"), stats.lastKey(), "the 120th word is the last kept");
    }

    @Test
    void copyrightAndAddressesAreFoundInAnyCase() {
        for (String line : LINES) {
            String lower = line.toLowerCase(Locale.ROOT);
            assertEquals(lower.contains("copyright"), TextStats.containsLower(line, "copyright"), line);
        }
        for (String line : new String[] {"COPYRIGHT 2024", "(C) Acme", "Visit WWW.EXAMPLE.COM", "HTTPS://x", "Copyrİght", "(c"}) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String pattern : new String[] {"copyright", "(c)", "http", "www."}) {
                assertEquals(lower.contains(pattern), TextStats.containsLower(line, pattern), line + " / " + pattern);
            }
        }
    }

    /**
     * Every character from U+0080 to U+00FF inside a word, where TextStats hashes a word of Latin-1
     * characters without a string, and alone, where it is a word, punctuation or a space.
     */
    private static String latin1Line() {
        StringBuilder line = new StringBuilder();
        for (char c = 0x80; c <= 0xFF; c++) {
            line.append('A').append(c).append("Z ").append(c).append(' ');
        }
        return line.toString();
    }

    /** The words as TextStats first built them, as strings. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0 && words.size() < 120) {
                String w = text.substring(start, i);
                words.add(w.chars().allMatch(Character::isDigit) ? (w.length() == 4 ? "<year>" : "<num>") : w.toLowerCase(Locale.ROOT));
            }
            start = -1;
        }
        return words;
    }
}
