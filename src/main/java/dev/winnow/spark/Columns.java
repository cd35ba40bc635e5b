package dev.winnow.spark;

import dev.winnow.batch.RecordCleaner;
import dev.winnow.core.CleanResult;
import dev.winnow.core.Label;
import dev.winnow.core.LabelledBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The columns winnow adds to every row, with the types of the batch record's members:
 * {@code clean} (string), {@code paywalled} (boolean), {@code labels} (label → blocks), {@code blocks} (text, label, score,
 * kept), {@code error} (string); and their values from a cleaned document.
 */
final class Columns {

    static final String CLEAN = RecordCleaner.CLEAN;
    static final String PAYWALLED = RecordCleaner.PAYWALLED;
    static final String LABELS = RecordCleaner.LABELS;
    static final String BLOCKS = RecordCleaner.BLOCKS;
    static final String ERROR = RecordCleaner.ERROR;

    /** Input columns of these names are replaced by winnow's. */
    static final Set<String> WINNOW = Set.of(CLEAN, PAYWALLED, LABELS, BLOCKS, ERROR);

    static final DataType LABELS_TYPE = DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false);

    static final StructType BLOCK_TYPE = new StructType()
            .add("text", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("score", DataTypes.DoubleType)
            .add("kept", DataTypes.BooleanType);

    static final DataType BLOCKS_TYPE = DataTypes.createArrayType(BLOCK_TYPE, false);

    private Columns() {
    }

    /** clean, paywalled, labels, blocks (when asked for), error: in the batch record's order. */
    static List<StructField> fields(boolean blocks) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(CLEAN, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(PAYWALLED, DataTypes.BooleanType, true));
        fields.add(DataTypes.createStructField(LABELS, LABELS_TYPE, true));
        if (blocks) {
            fields.add(DataTypes.createStructField(BLOCKS, BLOCKS_TYPE, true));
        }
        fields.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
        return fields;
    }

    /** The values of {@link #fields}, appended to {@code values}. */
    static void append(List<Object> values, RecordCleaner.Cleaned cleaned, boolean blocks) {
        CleanResult r = cleaned.result();
        values.add(r == null ? null : r.output());
        values.add(r == null ? null : r.paywalled());
        values.add(r == null ? null : labels(r.counts()));
        if (blocks) {
            values.add(r == null ? null : blocks(r.blocks()));
        }
        values.add(cleaned.error());
    }

    /** Every label, with 0 for those no block has, as in the batch record. Spark's external type for a map is Scala's. */
    static scala.collection.Map<String, Integer> labels(Map<Label, Integer> counts) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Label label : Label.values()) {
            m.put(label.id(), counts.getOrDefault(label, 0));
        }
        return CollectionConverters.asScala(m);
    }

    static scala.collection.Seq<Row> blocks(List<LabelledBlock> blocks) {
        List<Row> rows = new ArrayList<>(blocks.size());
        for (LabelledBlock b : blocks) {
            rows.add(RowFactory.create(b.block().raw(), b.label().id(), b.score(), b.kept()));
        }
        return CollectionConverters.asScala(rows).toSeq();
    }
}
