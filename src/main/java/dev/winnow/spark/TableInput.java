package dev.winnow.spark;

import dev.winnow.batch.Decoding;
import dev.winnow.batch.RecordCleaner;
import dev.winnow.batch.UsageException;
import dev.winnow.core.Input;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table in (Parquet), a row out for every row: its columns as they are, typed, except the
 * document columns, then winnow's. A document column may be a string or binary (bytes decoded as
 * the batch command decodes a page or a text file); a row with neither or both documents, or one
 * that cannot be decoded or cleaned, gets the batch record's error message.
 */
final class TableInput {

    private TableInput() {
    }

    static Dataset<Row> clean(SparkSession spark, JobOptions options, Counters counters) throws UsageException {
        Dataset<Row> in = spark.read().parquet(options.input());
        return clean(in, options, counters);
    }

    static Dataset<Row> clean(Dataset<Row> in, JobOptions options, Counters counters) throws UsageException {
        StructType schema = in.schema();
        int html = column(schema, options.htmlColumn(), "--html-column");
        int text = column(schema, options.textColumn(), "--text-column");
        if (html < 0 && text < 0) {
            throw new UsageException("the input has no column " + describe(options) + "; its columns are "
                    + String.join(", ", schema.fieldNames()));
        }
        List<Integer> passed = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < schema.fields().length; i++) {
            StructField f = schema.fields()[i];
            if (i != html && i != text && !Columns.WINNOW.contains(f.name())) {
                passed.add(i);
                fields.add(f);
            }
        }
        fields.addAll(Columns.fields(options.blocks()));
        StructType out = new StructType(fields.toArray(StructField[]::new));
        int[] kept = passed.stream().mapToInt(Integer::intValue).toArray();
        MapPartitionsFunction<Row, Row> clean = rows -> new Cleaning(rows, options, html, text, kept, counters);
        return in.mapPartitions(clean, Encoders.row(out));
    }

    private static int column(StructType schema, String name, String option) throws UsageException {
        if (name.isEmpty() || !List.of(schema.fieldNames()).contains(name)) {
            return -1;
        }
        DataType type = schema.apply(name).dataType();
        if (!(type instanceof StringType) && !(type instanceof BinaryType)) {
            throw new UsageException(option + ": the column " + name + " is " + type.simpleString()
                    + "; a document column must be a string or binary");
        }
        return schema.fieldIndex(name);
    }

    private static String describe(JobOptions o) {
        if (o.htmlColumn().isEmpty()) {
            return o.textColumn();
        }
        return o.textColumn().isEmpty() ? o.htmlColumn() : o.htmlColumn() + " or " + o.textColumn();
    }

    /** One task's rows, cleaned one at a time as Spark asks for them. */
    private static final class Cleaning implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final RecordCleaner cleaner;
        private final boolean blocks;
        private final int html;
        private final int text;
        private final int[] kept;
        private final Counters counters;

        Cleaning(Iterator<Row> rows, JobOptions options, int html, int text, int[] kept, Counters counters) {
            this.rows = rows;
            this.cleaner = ExecutorModel.cleaner(options.checkedBatchOptions(), options.limits());
            this.blocks = options.blocks();
            this.html = html;
            this.text = text;
            this.kept = kept;
            this.counters = counters;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Row next() {
            Row row = rows.next();
            boolean hasHtml = html >= 0 && !row.isNullAt(html);
            boolean hasText = text >= 0 && !row.isNullAt(text);
            String problem = cleaner.documentProblem(hasHtml, hasText);
            RecordCleaner.Cleaned cleaned = problem != null ? new RecordCleaner.Cleaned(null, problem)
                    : cleaner.cleaned(() -> hasHtml ? Input.html(html(row.get(html))) : Input.text(text(row.get(text))));
            counters.add(cleaned.failed());
            List<Object> values = new ArrayList<>(kept.length + 4);
            for (int i : kept) {
                values.add(row.get(i));
            }
            Columns.append(values, cleaned, blocks);
            return RowFactory.create(values.toArray());
        }

        private static String html(Object value) {
            return value instanceof byte[] bytes ? Decoding.html(bytes, null) : (String) value;
        }

        private static String text(Object value) {
            return value instanceof byte[] bytes ? Decoding.text(bytes, null) : (String) value;
        }
    }
}
