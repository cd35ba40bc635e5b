package dev.winnow.bench;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.Input;
import dev.winnow.core.Winnow;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * How much heap the loaded model holds: the heap in use after a full GC, before and after
 * {@link Winnow#fromClasspath()}, with the model kept reachable. This is what every executor JVM
 * carries for the model (once, whatever its number of cores); the README's executor memory
 * figure comes from here. Run by bench/spark.sh:
 *
 * <pre>java -cp target/winnow-spark.jar src/bench/java/dev/winnow/bench/ModelHeap.java</pre>
 */
public final class ModelHeap {

    private ModelHeap() {
    }

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        Winnow winnow = Winnow.fromClasspath();
        // one small clean, so that whatever the first use initialises lazily is counted too
        winnow.clean(Input.text("Police blocked the theatre entrance on Wednesday.\nPlease support us monthly."), CleanOptions.DEFAULT);
        long after = settledHeap(memory);
        System.out.printf("model %s: %.1f MiB of heap retained after loading (heap in use %.1f -> %.1f MiB, after full GCs)%n",
                winnow.modelId(), (after - before) / 1048576.0, before / 1048576.0, after / 1048576.0);
        if (winnow.modelId().isEmpty()) {
            throw new IllegalStateException("keeps the model reachable until here");
        }
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
