package org.celedger.ops.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slowest requests of a phase with what they waited for, as the ledger logged them (its {@code SlowRequests}
 * filter: a request's time split into its thread's CPU, waits for the store, the access log or a view, and the
 * rest), read from the part of the ledger's log written during the phase.
 */
record SlowestRequests(int logged, List<String> slowest) {

    static final int SHOWN = 5;
    private static final String PREFIX = "slow request: ";
    private static final Pattern TIME = Pattern.compile(" (\\d+(?:\\.\\d+)?) ms: ");

    /** Where the ledger's log ends now: a phase's lines are those after it. */
    static long mark(Path log) {
        try {
            return log == null ? 0 : Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    static SlowestRequests since(Path log, long mark) {
        if (log == null) {
            return new SlowestRequests(0, List.of());
        }
        List<String> lines;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, length - mark))];
            file.seek(mark);
            file.readFully(bytes);
            lines = new String(bytes, StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains(PREFIX))
                    .map(l -> l.substring(l.indexOf(PREFIX) + PREFIX.length()))
                    .toList();
        } catch (IOException e) {
            return new SlowestRequests(0, List.of());
        }
        return new SlowestRequests(lines.size(), lines.stream()
                .sorted(Comparator.comparingDouble(SlowestRequests::millis).reversed()).limit(SHOWN).toList());
    }

    private static double millis(String line) {
        Matcher m = TIME.matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    void into(ObjectNode phase) {
        ObjectNode node = phase.putObject("slowRequests");
        node.put("logged", logged);
        ArrayNode array = node.putArray("slowest");
        slowest.forEach(array::add);
    }

    @Override
    public String toString() {
        if (logged == 0) {
            return "no request logged as slow";
        }
        StringBuilder s = new StringBuilder(logged + " requests logged as slow; the slowest:");
        slowest.forEach(l -> s.append("\n      ").append(l));
        return s.toString();
    }
}
