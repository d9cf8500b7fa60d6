package org.celedger.ops.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import org.celedger.ops.ledger.LedgerClient;

/**
 * What happened while a phase was measured, besides the phase's own requests: the ledger JVM's JIT and
 * collector ({@link JvmActivity}), the machine's CPU including what the hypervisor took ({@link MachineCpu})
 * and, for a latency phase, the ledger's own time per request ({@link ServerTime}). A figure that missed its
 * target then says whether the ledger, its JVM or the machine under it was the cause.
 */
final class DuringPhase {

    /** The requests of a latency phase, as the ledger's request timer tags them. */
    record Endpoint(String method, String uriTemplate) {
    }

    private final LedgerClient ledger;
    private final Endpoint endpoint;
    private final JvmActivity jvm;
    private final Optional<MachineCpu> cpu;
    private final ServerTime server;
    private final long ledgerPid;
    private final Optional<ProcessCpu> ledgerCpu;
    /** The ledger's log, whose slow-request lines a phase reports, and where in it the phase began. */
    private final Path ledgerLog;
    private final long logMark;

    private DuringPhase(LedgerClient ledger, long ledgerPid, Path ledgerLog, Endpoint endpoint, ServerTime server) {
        this.ledger = ledger;
        this.ledgerPid = ledgerPid;
        this.ledgerLog = ledgerLog;
        this.endpoint = endpoint;
        this.server = server;
        this.jvm = JvmActivity.of(ledger);
        this.cpu = MachineCpu.now();
        this.ledgerCpu = ProcessCpu.of(ledgerPid);
        this.logMark = SlowestRequests.mark(ledgerLog);
    }

    static DuringPhase begin(LedgerClient ledger, long ledgerPid, Path ledgerLog) {
        return new DuringPhase(ledger, ledgerPid, ledgerLog, null, null);
    }

    /** Also the ledger's own time for this endpoint, counted from when the warm-up's last request was recorded. */
    static DuringPhase begin(LedgerClient ledger, long ledgerPid, Path ledgerLog, Endpoint endpoint)
            throws InterruptedException {
        return new DuringPhase(ledger, ledgerPid, ledgerLog, endpoint,
                ServerTime.settled(ledger, endpoint.method(), endpoint.uriTemplate()));
    }

    Observed end() throws InterruptedException {
        Optional<MachineCpu> cpuNow = MachineCpu.now();
        Optional<ProcessCpu> ledgerCpuNow = ProcessCpu.of(ledgerPid);
        JvmActivity jvmNow = JvmActivity.of(ledger);
        ServerTime serverNow = server == null ? null : ServerTime.settled(ledger, endpoint.method(), endpoint.uriTemplate());
        return new Observed(jvmNow.since(jvm), cpu.flatMap(before -> cpuNow.map(now -> now.since(before))),
                serverNow == null ? null : serverNow.since(server),
                ledgerCpu.flatMap(before -> ledgerCpuNow.map(now -> now.since(before))),
                SlowestRequests.since(ledgerLog, logMark));
    }

    record Observed(JvmActivity jvm, Optional<MachineCpu> cpu, ServerTime server, Optional<ProcessCpu> ledgerCpu,
                    SlowestRequests slow) {

        /**
         * CPU per request over a phase of {@code requests}: the ledger process's own (all its threads, JIT and
         * collector included), and the machine's (busy time of all cores, the benchmark's clients included:
         * busy share × cores × seconds ÷ requests), in milliseconds.
         */
        void perRequest(ObjectNode phase, long requests) {
            if (requests <= 0) {
                return;
            }
            ledgerCpu.ifPresent(c -> phase.put("ledgerCpuMsPerRequest", 1000 * c.seconds() / requests));
            cpu.ifPresent(c -> phase.put("machineCpuMsPerRequest", 1000 * c.busySeconds() / requests));
        }

        String perRequest(long requests) {
            if (requests <= 0) {
                return "";
            }
            StringBuilder s = new StringBuilder("CPU per request:");
            ledgerCpu.ifPresent(c -> s.append(String.format(" the ledger's %.2f ms", 1000 * c.seconds() / requests)));
            cpu.ifPresent(c -> s.append(String.format(", the machine's %.2f ms", 1000 * c.busySeconds() / requests)));
            return s.toString();
        }

        /**
         * The share of the machine's CPU the hypervisor stole during the phase, where it was at least 1 %: on
         * this development VM the latency tails that missed their targets came with it (ops/README.md).
         */
        Optional<Double> stolen() {
            return cpu.map(c -> c.percent(c.steal())).filter(p -> p >= 1.0);
        }

        void into(ObjectNode phase) {
            ledgerCpu.ifPresent(c -> phase.put("ledgerCpuSeconds", c.seconds()));
            jvm.into(phase.putObject("ledgerJvmDuringPhase"));
            cpu.ifPresent(c -> c.into(phase.putObject("machineDuringPhase")));
            if (server != null) {
                server.into(phase.putObject("ledgerOwnTime"));
            }
            slow.into(phase);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            if (server != null) {
                s.append(server).append("\n    ");
            }
            s.append("ledger JVM: ").append(jvm);
            cpu.ifPresent(c -> s.append("\n    ").append(c));
            s.append("\n    ").append(slow);
            return s.toString();
        }
    }
}
