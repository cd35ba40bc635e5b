package dev.winnow;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The core runs in the CLI and in Spark executors as well as in this service, so it must not
 * depend on Quarkus, CDI, Jakarta or Vert.x: those belong to the HTTP layer.
 */
class CoreIsPlainJavaTest {

    private static final Path CORE = Path.of("src", "main", "java", "dev", "winnow", "core");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^\\s*import\\s+(?:static\\s+)?((?:io\\.quarkus|jakarta|javax\\.inject|io\\.smallrye|io\\.vertx)\\.[\\w.*]+)\\s*;",
            Pattern.MULTILINE);

    @Test
    void coreImportsNoQuarkusJakartaSmallryeOrVertx() throws IOException {
        assertTrue(Files.isDirectory(CORE), () -> "the core sources are not at " + CORE.toAbsolutePath());
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CORE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 10, () -> "found only " + sources.size() + " core sources under " + CORE.toAbsolutePath());
        List<String> offences = new ArrayList<>();
        for (Path source : sources) {
            Matcher m = FORBIDDEN.matcher(Files.readString(source));
            while (m.find()) {
                offences.add(CORE.relativize(source) + " imports " + m.group(1));
            }
        }
        assertTrue(offences.isEmpty(), () -> "the core must stay plain Java:\n" + String.join("\n", offences));
    }

    @Test
    void theGuardRecognisesAForbiddenImport() {
        assertTrue(FORBIDDEN.matcher("package x;\n\nimport jakarta.inject.Inject;\n").find());
        assertTrue(FORBIDDEN.matcher("import static io.quarkus.runtime.Startup.X;").find());
        assertTrue(!FORBIDDEN.matcher("import java.util.List;\nimport org.jsoup.Jsoup;\n").find());
    }
}
