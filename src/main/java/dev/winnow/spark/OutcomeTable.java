package dev.winnow.spark;

import dev.winnow.batch.RecordCleaner;
import dev.winnow.batch.WarcSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The batch layer's JSON records as a typed table, for Parquet output: winnow's columns with
 * their fixed types, the locator of error rows, and the pass-through columns, whose types for
 * JSON Lines are those Spark infers from the records themselves.
 */
final class OutcomeTable {

    private OutcomeTable() {
    }

    /** WARC records: fixed columns, no inference. */
    static Dataset<Row> warc(SparkSession spark, Dataset<String> records, boolean blocks) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(WarcSource.RECORD_ID, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(WarcSource.URL, DataTypes.StringType, true));
        fields.addAll(Columns.fields(blocks));
        fields.add(DataTypes.createStructField(OutcomeLines.FILE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(WarcSource.RECORD, DataTypes.LongType, true));
        fields.add(DataTypes.createStructField(WarcSource.OFFSET, DataTypes.LongType, true));
        return parse(spark, records, new StructType(fields.toArray(StructField[]::new)));
    }

    /**
     * JSON Lines records: the pass-through columns as Spark infers them from the records (one
     * pass over them, so {@code records} should be persisted), in its (alphabetical) order, then
     * winnow's and the locator.
     */
    static Dataset<Row> jsonLines(SparkSession spark, Dataset<String> records, boolean blocks) {
        Set<String> ours = Set.of(Columns.CLEAN, Columns.PAYWALLED, Columns.LABELS, Columns.BLOCKS, Columns.ERROR, OutcomeLines.FILE, RecordCleaner.LINE);
        StructType inferred = spark.read().json(records).schema();
        // The records are the batch layer's output, always valid JSON; the name is left out all the same.
        String corrupt = spark.conf().get("spark.sql.columnNameOfCorruptRecord", "_corrupt_record");
        List<StructField> fields = new ArrayList<>();
        for (StructField f : inferred.fields()) {
            if (!ours.contains(f.name()) && !f.name().equals(corrupt)) {
                fields.add(f);
            }
        }
        fields.addAll(Columns.fields(blocks));
        fields.add(DataTypes.createStructField(OutcomeLines.FILE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RecordCleaner.LINE, DataTypes.LongType, true));
        return parse(spark, records, new StructType(fields.toArray(StructField[]::new)));
    }

    private static Dataset<Row> parse(SparkSession spark, Dataset<String> records, StructType schema) {
        return spark.read().schema(schema).option("mode", "PERMISSIVE").json(records);
    }
}
