package dev.winnow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot methods of a JFR recording (Java 17's {@code jfr} tool has no such view): counts the
 * execution samples by their top frame (self time) and by every method on their stack
 * (inclusive time), optionally only for threads whose name contains a filter.
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.winnow.bench.HotMethods target/pipeline.jfr [top=25] [thread-filter]
 * </pre>
 */
public final class HotMethods {

    private HotMethods() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.println("usage: HotMethods FILE.jfr [TOP] [THREAD-NAME-PART]");
            return;
        }
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String threadFilter = args.length > 2 ? args[2] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                if (threadFilter != null) {
                    RecordedThread thread = event.getThread("sampledThread");
                    String name = thread == null ? "" : thread.getJavaName();
                    if (name == null || !name.contains(threadFilter)) {
                        continue;
                    }
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (seen.add(method)) {
                        inclusive.merge(method, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples in %s%s%n", samples, file,
                threadFilter == null ? "" : " (threads named *" + threadFilter + "*)");
        print("self (top frame)", self, samples, top);
        print("inclusive (anywhere on the stack)", inclusive, samples, top);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println(title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
