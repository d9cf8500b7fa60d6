import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * G1's young pauses from a log written with {@code -Xlog:gc*:file=…}, one line each: when (seconds since the JVM
 * started), the heap before and after, the eden regions collected, the survivor and old regions before and after, and
 * the pause's phases. What a pause copies shows in the survivor and old regions; where its time went, in the phases.
 *
 * <pre>java ops/profiling/YoungPauses.java gc.log [from-seconds] [to-seconds]</pre>
 */
public class YoungPauses {

    private static final Pattern REGIONS = Pattern.compile("GC\\((\\d+)\\)\\s+(Eden|Survivor|Old) regions: (\\d+)->(\\d+)");
    private static final Pattern PHASE = Pattern.compile(
            "GC\\((\\d+)\\)\\s+(Merge Heap Roots|Evacuate Collection Set|Post Evacuate Collection Set): ([\\d.]+)ms");
    private static final Pattern PAUSE = Pattern.compile(
            "\\[([\\d.]+)s\\].*GC\\((\\d+)\\) Pause Young \\((\\w+)\\).* (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        double from = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        double to = args.length > 2 ? Double.parseDouble(args[2]) : Double.MAX_VALUE;
        Map<String, Map<String, String>> byCollection = new HashMap<>();
        for (String line : lines) {
            Matcher r = REGIONS.matcher(line);
            if (r.find()) {
                byCollection.computeIfAbsent(r.group(1), k -> new HashMap<>()).put(r.group(2), r.group(3) + "->" + r.group(4));
            }
            Matcher p = PHASE.matcher(line);
            if (p.find()) {
                byCollection.computeIfAbsent(p.group(1), k -> new HashMap<>()).put(p.group(2), p.group(3));
            }
        }
        System.out.println("seconds  collection  kind  heap MB before->after (committed)  eden  survivor  old"
                + "  | merge / evacuate / post ms = pause ms");
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            double at = Double.parseDouble(m.group(1));
            if (at < from || at > to) {
                continue;
            }
            Map<String, String> c = byCollection.getOrDefault(m.group(2), Map.of());
            System.out.printf("%8.1f  GC(%s)  %s  %s->%s (%s)  eden %s  survivor %s  old %s  | %s / %s / %s = %s%n",
                    at, m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                    c.getOrDefault("Eden", "?").split("->")[0], c.getOrDefault("Survivor", "?"), c.getOrDefault("Old", "?"),
                    c.getOrDefault("Merge Heap Roots", "?"), c.getOrDefault("Evacuate Collection Set", "?"),
                    c.getOrDefault("Post Evacuate Collection Set", "?"), m.group(7));
        }
    }
}
