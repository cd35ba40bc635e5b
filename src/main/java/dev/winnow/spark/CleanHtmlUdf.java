package dev.winnow.spark;

import dev.winnow.core.Input;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;

/**
 * {@code winnow_clean(html)} for Spark SQL and PySpark: the page cleaned with the default options
 * (text; boilerplate, promo, paywall and donation dropped), as
 * {@code struct<clean string, paywalled boolean, labels map<string,int>, error string>}. A page that cannot be
 * cleaned (or a null) gives a null {@code clean} and the reason in {@code error}; it never fails
 * the query.
 *
 * <pre>
 * spark.udf.registerJavaFunction("winnow_clean", "dev.winnow.spark.CleanHtmlUdf",
 *     "struct&lt;clean:string,labels:map&lt;string,int&gt;,error:string&gt;")
 * </pre>
 */
public class CleanHtmlUdf implements UDF1<String, Row> {

    private static final long serialVersionUID = 1L;

    @Override
    public Row call(String html) {
        return UdfResult.of(html == null ? null : Input.html(html));
    }
}
