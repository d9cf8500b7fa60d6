package org.celedger.ops.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the machine's CPU time went during a phase, from the kernel's counters ({@code /proc/stat}, Linux):
 * busy (user, which includes nice, and system, which includes interrupt handling), iowait, idle, and stolen
 * by the hypervisor. On a virtual machine a stolen share
 * is time in which no thread of the ledger could run, however idle the ledger was: a latency tail that
 * neither the JIT nor the collector explains shows here.
 */
record MachineCpu(long user, long system, long idle, long iowait, long steal) {

    /** The counters now, or empty where the system has no {@code /proc/stat}. */
    static Optional<MachineCpu> now() {
        try {
            return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("cpu "))
                    .findFirst().map(MachineCpu::parse);
        } catch (IOException e) {
            // not Linux (or no procfs): the phases report no machine figures
            return Optional.empty();
        }
    }

    /** The aggregate line: "cpu user nice system idle iowait irq softirq steal …", in clock ticks. */
    static MachineCpu parse(String line) {
        String[] f = line.trim().split("\\s+");
        long[] v = new long[9];
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            v[i] = Long.parseLong(f[i]);
        }
        return new MachineCpu(v[1] + v[2], v[3] + v[6] + v[7], v[4], v[5], v[8]);
    }

    MachineCpu since(MachineCpu before) {
        return new MachineCpu(user - before.user, system - before.system, idle - before.idle,
                iowait - before.iowait, steal - before.steal);
    }

    /** Busy time of all cores together, in seconds (the counters are in USER_HZ). */
    double busySeconds() {
        return (user + system) / ProcessCpu.TICKS_PER_SECOND;
    }

    private long total() {
        return user + system + idle + iowait + steal;
    }

    double percent(long ticks) {
        return total() == 0 ? 0 : 100.0 * ticks / total();
    }

    void into(ObjectNode node) {
        node.put("busyPercent", percent(user + system)).put("userPercent", percent(user))
                .put("systemPercent", percent(system)).put("iowaitPercent", percent(iowait))
                .put("stealPercent", percent(steal)).put("idlePercent", percent(idle));
    }

    @Override
    public String toString() {
        return String.format("machine busy %.0f %%, stolen by the hypervisor %.1f %%, iowait %.1f %%",
                percent(user + system), percent(steal), percent(iowait));
    }
}
