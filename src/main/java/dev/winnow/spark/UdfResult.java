package dev.winnow.spark;

import dev.winnow.batch.RecordCleaner;
import dev.winnow.core.Input;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/** The UDFs' result and their registration for Java and Scala callers. */
public final class UdfResult {

    /** The UDFs' return type, as PySpark's {@code registerJavaFunction} takes it. */
    public static final String TYPE_DDL = "struct<clean:string,paywalled:boolean,labels:map<string,int>,error:string>";

    public static final StructType TYPE = (StructType) DataType.fromDDL(TYPE_DDL);

    private UdfResult() {
    }

    /** Registers {@code winnow_clean(html)} and {@code winnow_clean_text(text)} in the session. */
    public static void register(SparkSession spark) {
        spark.udf().registerJava("winnow_clean", CleanHtmlUdf.class.getName(), TYPE);
        spark.udf().registerJava("winnow_clean_text", CleanTextUdf.class.getName(), TYPE);
    }

    static Row of(Input input) {
        RecordCleaner cleaner = ExecutorModel.udfCleaner();
        RecordCleaner.Cleaned cleaned = input == null ? new RecordCleaner.Cleaned(null, "the document is null")
                : cleaner.cleaned(() -> input);
        List<Object> values = new ArrayList<>(4);
        Columns.append(values, cleaned, false);
        return RowFactory.create(values.toArray());
    }
}
