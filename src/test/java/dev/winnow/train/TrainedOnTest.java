package dev.winnow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a model card says it trained on decides whether calibrate refuses the model and whether
 * evaluate warns: every split named must be read, however --splits was written.
 */
class TrainedOnTest {

    @Test
    void readsEverySplitTheCardNames() {
        assertEquals(List.of(Split.TRAIN), TrainCli.trainedOn("splits train: 4456 pages, block labels {EDITORIAL=1}"));
        assertEquals(List.of(Split.TRAIN, Split.DEV), TrainCli.trainedOn("splits train,dev: 12 pages, block labels {}"));
        assertEquals(List.of(Split.TRAIN, Split.DEV, Split.TEST), TrainCli.trainedOn("splits all: 15 pages, block labels {}"));
    }

    @Test
    void readsNamesWrittenWithSpacesAsTrainTakesThem() {
        // train accepts --splits "train, dev"; the card keeps the names as given
        assertEquals(List.of(Split.TRAIN, Split.DEV), TrainCli.trainedOn("splits train, dev: 12 pages, block labels {}"));
    }

    @Test
    void aCardThatDoesNotSayNamesNone() {
        assertEquals(List.of(), TrainCli.trainedOn(""));
        assertEquals(List.of(), TrainCli.trainedOn("4456 pages"));
    }
}
