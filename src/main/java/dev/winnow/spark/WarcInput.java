package dev.winnow.spark;

import dev.winnow.batch.RecordCleaner;
import dev.winnow.batch.RecordIterator;
import dev.winnow.batch.WarcSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * WARC and WET files in, one task per file (a .warc.gz is a chain of gzip members that can only
 * be read from its start), through the batch layer's {@link WarcSource}: the same records are
 * cleaned (2xx HTML responses, text conversions), the same are passed over, and an unreadable
 * record or file tail becomes the same error record, here with the file's name.
 */
final class WarcInput {

    private WarcInput() {
    }

    static JavaRDD<String> outcomes(SparkSession spark, JobOptions options, Counters counters) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Broadcast<HadoopConf> hadoop = jsc.broadcast(new HadoopConf(conf));
        List<InputFile> files = InputFile.list(conf, options.input());
        return jsc.parallelize(files, files.size())
                .mapPartitions(it -> read(it.next(), options, hadoop.value().get(), counters));
    }

    private static Iterator<String> read(InputFile file, JobOptions options, Configuration conf, Counters counters) {
        RecordCleaner cleaner = ExecutorModel.cleaner(options.checkedBatchOptions(), options.limits());
        InputStream in = null;
        WarcSource source;
        try {
            Path path = new Path(file.path());
            in = new BufferedInputStream(path.getFileSystem(conf).open(path), 1 << 16);
            source = new WarcSource(in, cleaner, OutcomeLines.origin(file));
        } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            return OutcomeLines.unopened(cleaner, file, e, counters);
        }
        return new OutcomeLines(new RecordIterator(source), in, counters);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // it could not be read anyway
            }
        }
    }
}
