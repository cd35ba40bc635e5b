/**
 * Corpus scale on Apache Spark: {@link dev.winnow.spark.CleanJob} (spark-submit) and the SQL /
 * PySpark UDFs {@link dev.winnow.spark.CleanHtmlUdf} and {@link dev.winnow.spark.CleanTextUdf}.
 * A thin layer like {@code dev.winnow.batch} and {@code dev.winnow.cli}: the record rules are the
 * batch layer's {@link dev.winnow.batch.RecordCleaner}, the cleaning is the core's
 * {@link dev.winnow.core.Winnow}, and the model is loaded once per executor JVM from inside the
 * jar ({@link dev.winnow.spark.ExecutorModel}). Spark itself is provided by the cluster.
 */
package dev.winnow.spark;
