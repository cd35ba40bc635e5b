package dev.winnow.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shortcuts that hash a prefix and a rest must give the keys the model was trained on. */
class HashingTest {

    @Test
    void aPrefixAndARestHashAsTheirConcatenation() {
        for (String rest : new String[] {"", "li", "newsletter", "Überschrift", "\u4e2d\u6587"}) {
            assertEquals(Hashing.of(Hashing.STRUCT, "cls=" + rest), Hashing.of(Hashing.STRUCT, "cls=", rest), rest);
        }
        for (int n : new int[] {0, 7, 10, 127, 128, 4096, -1, Integer.MIN_VALUE}) {
            assertEquals(Hashing.of(Hashing.STRUCT, "words=" + n), Hashing.of(Hashing.STRUCT, "words=", n), "n = " + n);
        }
    }
}
