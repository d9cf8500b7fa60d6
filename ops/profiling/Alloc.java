import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
public class Alloc {
    public static void main(String[] a) throws Exception {
        Instant from = LocalDateTime.parse(a[1]).toInstant(ZoneOffset.UTC), to = LocalDateTime.parse(a[2]).toInstant(ZoneOffset.UTC);
        Map<String, Long> byThread = new HashMap<>(), bySite = new HashMap<>(), byClass = new HashMap<>();
        long total = 0;
        try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (!e.getEventType().getName().equals("jdk.ObjectAllocationSample")) continue; if (System.getProperty("thread") != null && (e.getThread() == null || !e.getThread().getJavaName().contains(System.getProperty("thread")))) continue;
                if (e.getStartTime().isBefore(from) || !e.getStartTime().isBefore(to)) continue;
                long w = e.getLong("weight"); total += w;
                String t = e.getThread() == null ? "?" : e.getThread().getJavaName().replaceAll("[-#]?\\d+$", "");
                byThread.merge(t, w, Long::sum);
                byClass.merge(((RecordedClass) e.getValue("objectClass")).getName(), w, Long::sum);
                RecordedStackTrace st = e.getStackTrace();
                if (st != null) {
                    String site = null;
                    List<String> parts = new ArrayList<>();
                    for (RecordedFrame f : st.getFrames()) {
                        String n = f.getMethod().getType().getName();
                        if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")) continue;
                        parts.add(n.substring(n.lastIndexOf('.') + 1) + "." + f.getMethod().getName());
                        if (parts.size() == 3) break;
                    }
                    bySite.merge(String.join(" < ", parts), w, Long::sum);
                }
            }
        }
        long secs = Duration.between(from, to).getSeconds();
        System.out.printf("allocated %.0f MB/s%n", total / 1e6 / secs);
        for (var m : List.of(byThread, byClass, bySite)) {
            final long tt = total;
            m.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(Integer.getInteger("n", 15))
                .forEach(en -> System.out.printf("  %5.1f%% %6.1f MB/s %s%n", en.getValue() * 100.0 / tt, en.getValue() / 1e6 / secs, en.getKey()));
            System.out.println();
        }
    }
}
