package dev.winnow.spark;

import static dev.winnow.spark.SparkTestData.ARTICLE;
import static dev.winnow.spark.SparkTestData.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.CleanResult;
import dev.winnow.core.Input;
import dev.winnow.core.Label;
import dev.winnow.core.Winnow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UDFs through Spark SQL, registered as PySpark's {@code registerJavaFunction} registers
 * them (class name and the DDL return type): each page's clean text and label counts are the
 * core's for that page with the default options; a null gives an error, not a failed query.
 */
@ExtendWith(LocalSpark.class)
class CleanUdfTest {

    @Test
    void winnowCleanInSqlGivesTheCoresCleanTextAndLabelCountsForEveryPage(SparkSession spark) throws Exception {
        // What pyspark's spark.udf.registerJavaFunction("winnow_clean", "dev.winnow.spark.CleanHtmlUdf", "struct<...>") calls
        spark.udf().registerJava("winnow_clean", "dev.winnow.spark.CleanHtmlUdf", DataType.fromDDL(UdfResult.TYPE_DDL));
        List<Row> pages = new ArrayList<>();
        for (String id : SparkTestData.PAGE_IDS) {
            pages.add(RowFactory.create(id, page(id)));
        }
        pages.add(RowFactory.create("null", null));
        spark.createDataFrame(pages, new StructType().add("id", DataTypes.StringType).add("html", DataTypes.StringType))
                .repartition(2).createOrReplaceTempView("udf_pages");

        List<Row> rows = spark.sql("SELECT id, w.clean, w.labels, w.error FROM (SELECT id, winnow_clean(html) AS w FROM udf_pages)")
                .collectAsList();

        assertEquals(pages.size(), rows.size());
        Winnow winnow = Winnow.fromClasspath();
        for (Row row : rows) {
            String id = row.getString(0);
            if (id.equals("null")) {
                assertNull(row.get(1));
                assertNull(row.get(2));
                assertEquals("the document is null", row.getString(3));
                continue;
            }
            CleanResult expected = winnow.clean(Input.html(page(id)), CleanOptions.DEFAULT);
            assertEquals(expected.output(), row.getString(1), "clean text of page " + id);
            assertEquals(labels(expected), row.getJavaMap(2), "label counts of page " + id);
            assertNull(row.get(3), "no error for page " + id);
        }
        assertEquals(1, ExecutorModel.loads(), "the model is loaded once per JVM, not per row or task");
    }

    @Test
    void theRegisteredTextUdfCleansOneBlockPerLine(SparkSession spark) throws Exception {
        UdfResult.register(spark);
        spark.createDataFrame(List.of(RowFactory.create(ARTICLE)), new StructType().add("text", DataTypes.StringType))
                .createOrReplaceTempView("udf_texts");

        Row row = spark.sql("SELECT winnow_clean_text(text) AS w FROM udf_texts").first().getStruct(0);

        CleanResult expected = Winnow.fromClasspath().clean(Input.text(ARTICLE), CleanOptions.DEFAULT);
        assertEquals(expected.output(), row.getString(0));
        assertEquals(expected.paywalled(), row.getBoolean(1));
        assertEquals(labels(expected), row.getJavaMap(2));
        assertTrue(expected.counts().get(Label.EDITORIAL) > 0, "the article has editorial lines");
    }

    private static Map<String, Integer> labels(CleanResult r) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Label l : Label.values()) {
            m.put(l.id(), r.counts().getOrDefault(l, 0));
        }
        return m;
    }
}
