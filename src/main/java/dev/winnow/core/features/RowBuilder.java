package dev.winnow.core.features;

import java.util.Arrays;
import smile.util.SparseArray;

/** Gathers (index, value) pairs, then sorts them and sums repeated indices into one sparse row. */
final class RowBuilder {
    private long[] packed;
    private double[] values;
    private int size;

    RowBuilder(int capacity) {
        packed = new long[capacity];
        values = new double[capacity];
    }

    void add(int index, double value) {
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        // index in the high half, insertion order in the low half: one sort orders both
        packed[size] = ((long) index << 32) | size;
        values[size] = value;
        size++;
    }

    SparseArray build() {
        long[] order = Arrays.copyOf(packed, size);
        Arrays.sort(order);
        SparseArray row = new SparseArray(size);
        int current = -1;
        double sum = 0;
        for (long p : order) {
            int index = (int) (p >>> 32);
            double v = values[(int) p];
            if (index != current) {
                if (current >= 0) {
                    row.append(current, sum);
                }
                current = index;
                sum = 0;
            }
            sum += v;
        }
        if (current >= 0) {
            row.append(current, sum);
        }
        return row;
    }
}
