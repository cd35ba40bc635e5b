package dev.winnow.spark;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Spark session in local mode on two cores for every Spark test class of the run
 * ({@code @ExtendWith(LocalSpark.class)}, then a {@code SparkSession} parameter): started once
 * (a few seconds), stopped when the run ends. No UI, bound to loopback.
 */
public final class LocalSpark implements ParameterResolver {

    /** Spark logs at INFO through SLF4J into the JBoss LogManager; only its warnings are of use here. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.spark"), Logger.getLogger("org.sparkproject"),
            Logger.getLogger("org.apache.hadoop"), Logger.getLogger("org.apache.parquet"));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Session.class, k -> new Session(), Session.class).spark;
    }

    private static final class Session implements ExtensionContext.Store.CloseableResource {
        final SparkSession spark;

        Session() {
            QUIET.forEach(l -> l.setLevel(Level.WARNING));
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("winnow tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/winnow-spark-warehouse")
                    .getOrCreate();
        }

        @Override
        public void close() {
            spark.stop();
        }
    }
}
