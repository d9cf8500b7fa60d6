package org.celedger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.celedger.ops.ledger.LedgerClient;

/**
 * What the ledger's JVM spent besides serving requests, read from its Micrometer meters: time in the JIT
 * compilers and in the garbage collector's pauses and concurrent cycles. Taken before and after a latency
 * phase, the difference says whether the phase measured the ledger or a JVM still compiling the phase's
 * code path or collecting the previous phase's garbage: on two cores either takes a core from the requests.
 */
record JvmActivity(double compilationMs, long gcPauses, double gcPauseMs, long gcCycles, double gcCycleMs) {

    static JvmActivity of(LedgerClient ledger) {
        JsonNode pauses = meter(ledger, "jvm.gc.pause");
        JsonNode cycles = meter(ledger, "jvm.gc.concurrent.phase.time");
        return new JvmActivity(statistic(meter(ledger, "jvm.compilation.time"), "COUNT"),
                (long) statistic(pauses, "COUNT"), statistic(pauses, "TOTAL_TIME") * 1000,
                (long) statistic(cycles, "COUNT"), statistic(cycles, "TOTAL_TIME") * 1000);
    }

    JvmActivity since(JvmActivity before) {
        return new JvmActivity(compilationMs - before.compilationMs, gcPauses - before.gcPauses,
                gcPauseMs - before.gcPauseMs, gcCycles - before.gcCycles, gcCycleMs - before.gcCycleMs);
    }

    void into(ObjectNode node) {
        node.put("jitCompilationMs", compilationMs).put("gcPauses", gcPauses).put("gcPauseMs", gcPauseMs)
                .put("gcConcurrentPhases", gcCycles).put("gcConcurrentMs", gcCycleMs);
    }

    @Override
    public String toString() {
        return String.format("JIT compiling %.1f s; GC %d pauses %.1f ms, concurrent phases %.1f s", compilationMs / 1000,
                gcPauses, gcPauseMs, gcCycleMs / 1000);
    }

    /** A meter that is not there yet (no collection so far) counts as zero. */
    private static JsonNode meter(LedgerClient ledger, String name) {
        LedgerClient.Response r = ledger.get("/actuator/metrics/" + name);
        return r.ok() ? r.json() : null;
    }

    private static double statistic(JsonNode meter, String statistic) {
        if (meter == null) {
            return 0;
        }
        for (JsonNode m : meter.path("measurements")) {
            if (statistic.equals(m.path("statistic").asText())) {
                return m.path("value").asDouble();
            }
        }
        return 0;
    }
}
