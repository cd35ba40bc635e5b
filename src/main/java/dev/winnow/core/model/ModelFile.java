package dev.winnow.core.model;

import dev.winnow.core.features.PageFeatures;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the model file: a gzip'd Java serialisation of {@link LabelModel}, Smile's own
 * persistence. Reading only accepts the classes a model is made of.
 */
public final class ModelFile {
    private ModelFile() {
    }

    private static final ObjectInputFilter ONLY_MODEL_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxrefs=10000000;dev.winnow.core.**;smile.**;java.lang.*;java.util.*;java.lang.Enum;[*;!*");

    public static LabelModel read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("model file not found: " + path.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /** @param name names the file in error messages */
    public static LabelModel read(InputStream raw, String name) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new BufferedInputStream(raw)))) {
            in.setObjectInputFilter(ONLY_MODEL_CLASSES);
            Object o = in.readObject();
            if (!(o instanceof LabelModel model)) {
                throw new IOException("model file " + name + " does not hold a winnow model");
            }
            if (model.featureBits() != PageFeatures.BITS) {
                throw new IOException("model file " + name + " was trained for " + model.featureBits()
                        + " feature bits, this build computes " + PageFeatures.BITS + ": retrain it");
            }
            return model;
        } catch (ClassNotFoundException | ClassCastException | IllegalStateException | ObjectStreamException e) {
            throw new IOException("model file " + name + " is corrupt or from an incompatible version: " + e.getMessage(), e);
        } catch (EOFException | ZipException e) {
            throw new IOException("model file " + name + " is truncated or not a gzip'd winnow model: " + e.getMessage(), e);
        }
    }

    public static void write(LabelModel model, Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream file = Files.newOutputStream(path);
             ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(file))) {
            out.writeObject(model);
        }
    }
}
