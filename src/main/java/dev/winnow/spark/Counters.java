package dev.winnow.spark;

import dev.winnow.batch.Outcome;
import java.io.Serializable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Rows and error rows, counted by the tasks for the driver's summary. Spark counts a row twice
 * only when it runs a task twice (a retry, a lost executor).
 */
record Counters(LongAccumulator rows, LongAccumulator errors) implements Serializable {

    static Counters register(SparkSession spark) {
        return new Counters(spark.sparkContext().longAccumulator("winnow rows"), spark.sparkContext().longAccumulator("winnow error rows"));
    }

    void add(Outcome outcome) {
        add(outcome.failed());
    }

    void add(boolean failed) {
        rows.add(1);
        if (failed) {
            errors.add(1);
        }
    }
}
