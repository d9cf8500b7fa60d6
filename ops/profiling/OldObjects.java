import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What outlives the young collections: JFR's old-object samples (objects sampled at allocation, weighted by the
 * bytes allocated, that were still alive when the recording ended), by class and by allocation site. Those are
 * what G1's young pauses copy again and again, so this names what makes them long, where the collector's log
 * only gives megabytes.
 *
 * <p>Record only the phase of interest, so the samples are not the ingestion's: start the ledger with
 * {@code --jvm-args "-XX:FlightRecorderOptions:old-object-queue-size=4096,stackdepth=96"}, then, during the phase,
 * {@code jcmd <ledger pid> JFR.start settings=profile duration=45s filename=old.jfr}.
 *
 * <pre>java ops/profiling/OldObjects.java old.jfr [frames per site, 7] [minimum age in seconds, 5]</pre>
 */
public class OldObjects {

    public static void main(String[] args) throws Exception {
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        double minAgeSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        Map<String, Integer> bySite = new HashMap<>();
        Map<String, Integer> byClass = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.OldObjectSample")) {
                    continue;
                }
                double age = (e.getEndTime().toEpochMilli() - e.getInstant("allocationTime").toEpochMilli()) / 1000.0;
                if (age < minAgeSeconds) {
                    continue;
                }
                samples++;
                RecordedObject object = e.getValue("object");
                String type = object == null ? "?" : ((RecordedClass) object.getValue("type")).getName();
                byClass.merge(type, 1, Integer::sum);
                bySite.merge(type + site(e.getStackTrace(), frames), 1, Integer::sum);
            }
        }
        System.out.printf("%d samples still alive after %.0f s or more%n", samples, minAgeSeconds);
        print(byClass, samples, 25);
        System.out.println("---- by allocation site (frames outside the JDK)");
        print(bySite, samples, 30);
    }

    private static String site(RecordedStackTrace stack, int frames) {
        StringBuilder site = new StringBuilder();
        if (stack != null) {
            int shown = 0;
            for (RecordedFrame frame : stack.getFrames()) {
                String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (method.startsWith("java.") || method.startsWith("jdk.")) {
                    continue;
                }
                site.append("\n        ").append(method).append(':').append(frame.getLineNumber());
                if (++shown >= frames) {
                    break;
                }
            }
        }
        return site.toString();
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("%5d (%4.1f %%) %s%n", e.getValue(), 100.0 * e.getValue() / total, e.getKey()));
    }
}
