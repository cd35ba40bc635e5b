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
 * depend on Quarkus, CDI, Jakarta or Vert.x: those belong to the HTTP layer. Nor may the core or
 * the batch record rules, which the CLI shares with the Spark job, depend on Spark, Hadoop or
 * Scala: those belong to {@code dev.winnow.spark}, and are on the classpath only as provided.
 */
class CoreIsPlainJavaTest {

    private static final Path CORE = Path.of("src", "main", "java", "dev", "winnow", "core");
    private static final Path BATCH = Path.of("src", "main", "java", "dev", "winnow", "batch");
    private static final Pattern SPARK = Pattern.compile(
            "^\\s*import\\s+(?:static\\s+)?((?:org\\.apache\\.spark|org\\.apache\\.hadoop|scala)\\.[\\w.*]+)\\s*;",
            Pattern.MULTILINE);
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
    void coreAndBatchImportNoSparkHadoopOrScala() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path root : List.of(CORE, BATCH)) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            }
            assertTrue(sources.size() > 5, () -> "found only " + sources.size() + " sources under " + root.toAbsolutePath());
            for (Path source : sources) {
                Matcher m = SPARK.matcher(Files.readString(source));
                while (m.find()) {
                    offences.add(source + " imports " + m.group(1));
                }
            }
        }
        assertTrue(offences.isEmpty(), () -> "Spark, Hadoop and Scala belong to dev.winnow.spark:\n" + String.join("\n", offences));
    }

    @Test
    void theSparkGuardRecognisesASparkImport() {
        assertTrue(SPARK.matcher("package x;\n\nimport org.apache.spark.sql.Row;\n").find());
        assertTrue(SPARK.matcher("import scala.jdk.javaapi.CollectionConverters;").find());
        assertTrue(SPARK.matcher("import org.apache.hadoop.fs.Path;").find());
        assertTrue(!SPARK.matcher("import org.apache.commons.io.IOUtils;\nimport org.jsoup.Jsoup;\n").find());
    }

    @Test
    void theGuardRecognisesAForbiddenImport() {
        assertTrue(FORBIDDEN.matcher("package x;\n\nimport jakarta.inject.Inject;\n").find());
        assertTrue(FORBIDDEN.matcher("import static io.quarkus.runtime.Startup.X;").find());
        assertTrue(!FORBIDDEN.matcher("import java.util.List;\nimport org.jsoup.Jsoup;\n").find());
    }
}
