import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.stream.*;

/** java Analyze.java file.jfr fromUTC toUTC [minParkMs] : where time goes in a window. */
public class Analyze {
    static String cat(String thread) {
        if (thread == null) return "?";
        if (thread.startsWith("http-nio")) return "request";
        if (thread.contains("practitioner-views")) return "practitioner-views";
        if (thread.contains("supervision")) return "supervision";
        if (thread.contains("roster-credits")) return "roster-credits";
        if (thread.contains("EventProcessor") ) return "processor:" + thread;
        if (thread.startsWith("nioEventLoopGroup") || thread.contains("mongo-server")) return "mongo-server";
        if (thread.contains("access-log")) return "access-log";
        if (thread.startsWith("H2")) return "h2:" + thread;
        return thread.replaceAll("[-#]?\\d+$", "");
    }
    static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }
    static String pkg(RecordedFrame f) {
        String n = f.getMethod().getType().getName();
        String[] known = {"org.h2", "com.mongodb", "org.bson", "de.bwaldvogel", "io.netty", "com.fasterxml.jackson", "org.axonframework",
            "org.springframework.security", "org.springframework", "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat", "com.zaxxer.hikari",
            "org.celedger", "io.micrometer", "ch.qos.logback", "sun.nio", "java.util.concurrent", "jdk.internal", "java", "sun", "javax.crypto", "com.sun.crypto"};
        for (String k : known) if (n.startsWith(k)) return k;
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }
    public static void main(String[] a) throws Exception {
        Instant from = LocalDateTime.parse(a[1]).toInstant(ZoneOffset.UTC), to = LocalDateTime.parse(a[2]).toInstant(ZoneOffset.UTC);
        double minPark = a.length > 3 ? Double.parseDouble(a[3]) : 5;
        Map<String,Integer> byCat = new TreeMap<>();
        Map<String, Map<String,Integer>> pkgByCat = new TreeMap<>();   // inclusive: first non-JDK frame from top
        Map<String, Map<String,Integer>> topByCat = new TreeMap<>();
        Map<String, Map<String,Integer>> inclusive = new TreeMap<>();
        int total = 0;
        List<String> parks = new ArrayList<>();
        Map<String, double[]> parkSites = new TreeMap<>();
        Map<String, double[]> stalls = new TreeMap<>();
        Map<String, double[]> monitors = new TreeMap<>();
        double safepointMs = 0; int safepoints = 0; double maxSafepoint = 0;
        try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (e.getStartTime().isBefore(from) || !e.getStartTime().isBefore(to)) continue;
                String type = e.getEventType().getName();
                RecordedThread t = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
                String c = cat(t == null ? null : t.getJavaName());
                RecordedStackTrace st = e.getStackTrace();
                List<RecordedFrame> frames = st == null ? List.of() : st.getFrames();
                double ms = e.getDuration().toNanos() / 1e6;
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        total++;
                        byCat.merge(c, 1, Integer::sum);
                        if (!frames.isEmpty()) {
                            topByCat.computeIfAbsent(c, k -> new HashMap<>()).merge(frame(frames.get(0)), 1, Integer::sum);
                            String p = null;
                            for (RecordedFrame f : frames) { String pk = pkg(f); if (!pk.startsWith("java") && !pk.startsWith("jdk") && !pk.startsWith("sun")) { p = pk; break; } }
                            pkgByCat.computeIfAbsent(c, k -> new HashMap<>()).merge(p == null ? "jdk" : p, 1, Integer::sum);
                            Set<String> seen = new HashSet<>();
                            for (RecordedFrame f : frames) {
                                String n = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                                if (seen.add(n)) inclusive.computeIfAbsent(c, k -> new HashMap<>()).merge(n, 1, Integer::sum);
                            }
                        }
                    }
                    case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> {
                        if (ms < minPark) break;
                        if (!c.equals(System.getProperty("parkcat", "request"))) break;
                        String site = frames.stream().filter(f -> { String p = pkg(f); return !p.startsWith("java") && !p.startsWith("jdk") && !p.startsWith("sun"); })
                            .limit(6).map(Analyze::frame).collect(Collectors.joining(" < "));
                        String cls = type.equals("jdk.ThreadPark") ? String.valueOf(e.getValue("parkedClass") == null ? "-" : ((RecordedClass) e.getValue("parkedClass")).getName())
                              : ((RecordedClass) e.getValue("monitorClass")).getName();
                        String key = type.substring(4) + " " + cls + " @ " + site;
                        double[] s = (type.equals("jdk.ThreadPark") ? parkSites : monitors).computeIfAbsent(key, k -> new double[3]);
                        s[0]++; s[1] += ms; s[2] = Math.max(s[2], ms);
                    }
                    case "jdk.ZAllocationStall" -> {
                        double[] s = stalls.computeIfAbsent(c, k -> new double[3]); s[0]++; s[1] += ms; s[2] = Math.max(s[2], ms);
                    }
                    case "jdk.SafepointBegin" -> { safepoints++; safepointMs += ms; maxSafepoint = Math.max(maxSafepoint, ms); }
                    default -> {}
                }
            }
        }
        System.out.printf("window %s .. %s: %d execution samples%n", from, to, total);
        for (var en : byCat.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).toList()) {
            if (en.getValue() * 100.0 / total < 1) continue;
            System.out.printf("%n== %s: %d samples, %.1f%%%n", en.getKey(), en.getValue(), en.getValue() * 100.0 / total);
            int n = en.getValue();
            System.out.println("  first non-JDK package from the top:");
            pkgByCat.getOrDefault(en.getKey(), Map.of()).entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(10)
                .forEach(p -> System.out.printf("    %5.1f%% %s%n", p.getValue() * 100.0 / n, p.getKey()));
            System.out.println("  inclusive methods:");
            inclusive.getOrDefault(en.getKey(), Map.of()).entrySet().stream().filter(p -> !p.getKey().startsWith("java.lang.Thread") && !p.getKey().contains("run"))
                .sorted((x, y) -> y.getValue() - x.getValue()).limit(Integer.getInteger("inc", 40))
                .forEach(p -> System.out.printf("    %5.1f%% %s%n", p.getValue() * 100.0 / n, p.getKey()));
            System.out.println("  top frames:");
            topByCat.getOrDefault(en.getKey(), Map.of()).entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(8)
                .forEach(p -> System.out.printf("    %5.1f%% %s%n", p.getValue() * 100.0 / n, p.getKey()));
        }
        System.out.printf("%n== request threads parked >= %.0f ms (count, total ms, max ms):%n", minPark);
        parkSites.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(15)
            .forEach(p -> System.out.printf("  %4.0f %8.1f %6.1f %s%n", p.getValue()[0], p.getValue()[1], p.getValue()[2], p.getKey()));
        System.out.println("== monitors:");
        monitors.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(10)
            .forEach(p -> System.out.printf("  %4.0f %8.1f %6.1f %s%n", p.getValue()[0], p.getValue()[1], p.getValue()[2], p.getKey()));
        System.out.println("== ZGC allocation stalls by thread kind:");
        stalls.forEach((k, s) -> System.out.printf("  %s: %.0f stalls, %.1f ms in all, max %.1f ms%n", k, s[0], s[1], s[2]));
        System.out.printf("== safepoints: %d, %.1f ms in all, max %.1f ms%n", safepoints, safepointMs, maxSafepoint);
    }
}
