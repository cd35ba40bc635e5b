package dev.winnow.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * One input file, as the driver listed it.
 *
 * @param path   the file's full Hadoop path (scheme included), as error rows name it
 * @param length its size in bytes
 */
record InputFile(String path, long length) implements Serializable {

    /**
     * The files of a path, a directory (with its subdirectories) or a glob, in path order. Names
     * starting with {@code _} or {@code .} are skipped, as Spark and Hadoop do ({@code _SUCCESS},
     * checksums).
     *
     * @throws FileNotFoundException when nothing matches
     */
    static List<InputFile> list(Configuration conf, String input) throws IOException {
        Path pattern = new Path(input);
        FileSystem fs = pattern.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(pattern);
        if (matches == null || matches.length == 0) {
            throw new FileNotFoundException("no input at " + input);
        }
        List<InputFile> files = new ArrayList<>();
        for (FileStatus match : matches) {
            if (hidden(match.getPath())) {
                continue;
            }
            if (match.isDirectory()) {
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    if (f.isFile() && !hiddenBelow(f.getPath(), match.getPath())) {
                        files.add(new InputFile(f.getPath().toString(), f.getLen()));
                    }
                }
            } else if (match.isFile()) {
                files.add(new InputFile(match.getPath().toString(), match.getLen()));
            }
        }
        if (files.isEmpty()) {
            throw new FileNotFoundException("no input files at " + input);
        }
        files.sort(Comparator.comparing(InputFile::path));
        return files;
    }

    private static boolean hidden(Path p) {
        String name = p.getName();
        return name.startsWith("_") || name.startsWith(".");
    }

    private static boolean hiddenBelow(Path file, Path root) {
        for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
            if (hidden(p)) {
                return true;
            }
        }
        return false;
    }
}
