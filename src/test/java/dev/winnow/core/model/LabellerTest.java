package dev.winnow.core.model;

import static dev.winnow.TestPages.gunzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Input;
import dev.winnow.core.Winnow;
import dev.winnow.core.features.PageFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The serving path ({@link Labeller}: weights laid out per feature, rows never built) labels
 * every block of real pages exactly as the model does through Smile.
 */
class LabellerTest {
    private static Winnow winnow;
    private static Labeller labeller;

    @BeforeAll
    static void load() throws IOException {
        winnow = Winnow.fromClasspath();
        labeller = Labeller.of(winnow.model());
    }

    @Test
    void labelsAndScoresAsSmileDoesOnRealPages() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/sample-corpus/wcxb-dev/html"))) {
            pages = files.sorted().toList();
        }
        assertTrue(pages.size() >= 10, "the sample corpus is missing");
        assertTrue(labeller.flatContextPass(), "the shipped model's context pass should be served from flat arrays");
        int blocks = 0;
        for (Path file : pages) {
            PageFeatures page = PageFeatures.of(winnow.segment(Input.html(gunzip(file))));
            double[][] smile = winnow.model().firstPass(page);
            double[][] served = labeller.firstPass(page);
            Prediction[] expected = winnow.model().predict(page);
            Prediction[] actual = labeller.predict(page);
            Prediction[] smileOnServed = LabelModel.predict(served, labeller.wordsPass(page), labeller.stemmedWordsPass(page), winnow.model().unitWords(), page, winnow.model().contextPass(), winnow.model().fineContextPass(),
                    winnow.model().outputWeights());
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(smile[i], served[i], 1e-9, file + " block " + i + " first pass");
                assertEquals(expected[i].label(), actual[i].label(), file + " block " + i);
                assertArrayEquals(expected[i].probabilities(), actual[i].probabilities(), 1e-6, file + " block " + i);
                assertArrayEquals(smileOnServed[i].probabilities(), actual[i].probabilities(), 0.0,
                        file + " block " + i + ": the flat trees differ from Smile's");
            }
            blocks += expected.length;
        }
        assertTrue(blocks > 500, "too few blocks compared: " + blocks);
    }

    @Test
    void labelsPlainTextAsSmileDoes() throws IOException {
        String text;
        try (InputStream in = LabellerTest.class.getResourceAsStream("/examples/belarus-eu-sanctions.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PageFeatures page = PageFeatures.of(winnow.segment(Input.text(text)));
        Prediction[] expected = winnow.model().predict(page);
        Prediction[] actual = labeller.predict(page);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].label(), actual[i].label(), "line " + i);
        }
    }
}
