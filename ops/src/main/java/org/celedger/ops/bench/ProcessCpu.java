package org.celedger.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CPU time one process (the ledger) has used, from the kernel's counters ({@code /proc/<pid>/stat},
 * Linux): user and system time of all its threads, the JIT's and the collector's included. Divided by a
 * phase's requests it is the ledger's CPU per request, whatever else ran on the machine meanwhile.
 */
record ProcessCpu(long ticks) {

    /** Linux reports these counters in USER_HZ, 100 per second on every mainstream architecture. */
    static final double TICKS_PER_SECOND = 100;

    static Optional<ProcessCpu> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Optional.of(parse(stat));
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone: the phases report no process figures
            return Optional.empty();
        }
    }

    /** Fields after the command name (which may hold spaces and parentheses): utime is the 14th, stime the 15th. */
    static ProcessCpu parse(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return new ProcessCpu(Long.parseLong(f[11]) + Long.parseLong(f[12]));
    }

    ProcessCpu since(ProcessCpu before) {
        return new ProcessCpu(ticks - before.ticks);
    }

    double seconds() {
        return ticks / TICKS_PER_SECOND;
    }
}
