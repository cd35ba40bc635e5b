package dev.winnow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.Winnow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every model id that the README, the model card or a page of docs/ calls the shipped one is the
 * id of the model bundled in the jar. A new model then cannot leave an old id behind as
 * "shipped" in one of them, as happened with three ids for one model.
 */
class DocsNameTheShippedModelTest {

    private static final String ID = "`(winnow-[0-9a-f]{12})`";

    /**
     * The ways the documents call a model shipped: "Model id: `…`" on the card; "shipped" (or
     * "bundled") before the id in the same clause ("the shipped model `…`", "shipped: `…`"); and
     * "`…` (shipped)" after it.
     */
    private static final List<Pattern> SHIPPED = List.of(
            Pattern.compile("Model id: " + ID),
            Pattern.compile("(?i)\\b(?:shipped|bundled)\\b[^`.;()|]{0,60}" + ID),
            Pattern.compile("(?i)" + ID + "\\s*\\((?:the\\s+)?(?:shipped|bundled)\\b"));

    static List<String> shippedIds(String markdown) {
        List<String> ids = new ArrayList<>();
        for (Pattern p : SHIPPED) {
            Matcher m = p.matcher(markdown);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    @Test
    void everyIdCalledShippedIsTheBundledModels() throws IOException {
        String bundled = Winnow.fromClasspath().modelId();
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("model/README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        for (Path document : documents) {
            List<String> ids = shippedIds(Files.readString(document));
            for (String id : ids) {
                assertEquals(bundled, id, document + " calls " + id + " the shipped model, but the jar bundles " + bundled);
            }
        }
        assertFalse(shippedIds(Files.readString(Path.of("model/README.md"))).isEmpty(),
                "the model card must name the shipped model (Model id: `winnow-…`)");
    }

    @Test
    void theWaysOfCallingAModelShippedAreRecognised() {
        assertEquals(List.of("winnow-0123456789ab"), shippedIds("Model id: `winnow-0123456789ab` (2.2 MB)"));
        assertEquals(List.of("winnow-0123456789ab"), shippedIds("labelled by the shipped model `winnow-0123456789ab`, as"));
        assertEquals(List.of("winnow-0123456789ab"), shippedIds("7.5 MiB for the shipped\n`winnow-0123456789ab`"));
        assertEquals(List.of("winnow-0123456789ab"), shippedIds("the jar's bundled `winnow-0123456789ab`"));
        assertEquals(List.of("winnow-0123456789ab"), shippedIds("`winnow-0123456789ab` (shipped) | HTML"));
        assertTrue(shippedIds("the shipped model is better than the one before (`winnow-0123456789ab`)").isEmpty());
        assertTrue(shippedIds("The shipped model. Before it, `winnow-0123456789ab` did").isEmpty());
    }
}
