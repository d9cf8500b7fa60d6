import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU a running JVM's threads used over some seconds, by kind of thread (the name without its number), from
 * Linux's per-thread counters: unlike JFR's samples it counts the collector's and the JIT's threads too.
 *
 * <pre>java ops/profiling/ThreadCpu.java PID SECONDS</pre>
 */
public class ThreadCpu {

    public static void main(String[] args) throws Exception {
        long pid = Long.parseLong(args[0]);
        double seconds = Double.parseDouble(args[1]);
        Map<String, Long> before = ticksByThread(pid);
        Thread.sleep((long) (seconds * 1000));
        Map<String, Long> after = ticksByThread(pid);
        double hz = 100; // USER_HZ: 100 on every Linux this runs on
        Map<String, Double> byKind = new HashMap<>();
        after.forEach((thread, ticks) -> {
            String kind = thread.substring(thread.indexOf(' ') + 1).replaceAll("[-#]?\\d+$", "");
            byKind.merge(kind, (ticks - before.getOrDefault(thread, 0L)) / hz, Double::sum);
        });
        double total = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("%.2f s of CPU in %.1f s%n", total, seconds);
        byKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf("%7.2f s %5.1f %% %s%n", e.getValue(), 100 * e.getValue() / total, e.getKey()));
    }

    /** Each thread ("tid name") with its user and system ticks so far. */
    private static Map<String, Long> ticksByThread(long pid) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks;
    }
}
