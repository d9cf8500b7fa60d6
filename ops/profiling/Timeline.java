import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
public class Timeline {
    public static void main(String[] a) throws Exception {
        TreeMap<Long, Map<String,Integer>> buckets = new TreeMap<>();
        String[] marks = {"ProjectionRebuild.lambda", "BatchController.post", "PractitionerWriteController.award", "DecisionController.eligibility", "RebuildController", "PopulationController", "PractitionerReadController"};
        try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
                RecordedStackTrace st = e.getStackTrace(); if (st == null) continue;
                long b = e.getStartTime().getEpochSecond() / 10 * 10;
                for (RecordedFrame f : st.getFrames()) {
                    String n = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                    for (String m : marks) if (n.endsWith(m) || (m.endsWith("Controller") && n.contains(m))) { buckets.computeIfAbsent(b, k -> new TreeMap<>()).merge(m, 1, Integer::sum); }
                }
            }
        }
        buckets.forEach((b, m) -> System.out.println(Instant.ofEpochSecond(b) + " " + m));
    }
}
