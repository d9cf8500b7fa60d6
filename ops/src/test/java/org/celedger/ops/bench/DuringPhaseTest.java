package org.celedger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuringPhaseTest {

    private static final JvmActivity QUIET_JVM = new JvmActivity(0, 0, 0, 0, 0);
    private static final SlowestRequests NONE_SLOW = new SlowestRequests(0, java.util.List.of());

    @Test
    void aNoticeableStolenShareIsReportedWithTheVerdict() {
        // 1,000 ticks: 182 stolen, as in a writes-only run on the development VM
        DuringPhase.Observed stolen = new DuringPhase.Observed(QUIET_JVM,
                Optional.of(new MachineCpu(250, 70, 498, 0, 182)), null, Optional.empty(), NONE_SLOW);
        DuringPhase.Observed calm = new DuringPhase.Observed(QUIET_JVM,
                Optional.of(new MachineCpu(250, 70, 675, 0, 5)), null, Optional.empty(), NONE_SLOW);

        assertThat(stolen.stolen()).contains(18.2);
        assertThat(calm.stolen()).as("half a per cent is noise, not worth a word").isEmpty();
        assertThat(new DuringPhase.Observed(QUIET_JVM, Optional.empty(), null, Optional.empty(), NONE_SLOW).stolen()).isEmpty();
    }

    @Test
    void writesEachPartIntoThePhasesReport() {
        ServerTime server = ServerTime.parse("http_server_requests_seconds_bucket{method=\"GET\",uri=\"/x\",le=\"0.004\"} 3.0\n"
                + "http_server_requests_seconds_bucket{method=\"GET\",uri=\"/x\",le=\"+Inf\"} 3.0", "GET", "/x");
        ObjectNode phase = JsonNodeFactory.instance.objectNode();

        new DuringPhase.Observed(QUIET_JVM, Optional.of(new MachineCpu(1, 1, 2, 0, 0)), server,
                Optional.of(new ProcessCpu(150)), NONE_SLOW).into(phase);

        assertThat(phase.path("ledgerJvmDuringPhase").has("jitCompilationMs")).isTrue();
        assertThat(phase.path("machineDuringPhase").path("busyPercent").asDouble()).isEqualTo(50.0);
        assertThat(phase.path("ledgerOwnTime").path("requests").asLong()).isEqualTo(3);
        assertThat(phase.path("ledgerOwnTime").path("p99AtMostMs").asDouble()).isEqualTo(4.0);
        assertThat(phase.path("ledgerCpuSeconds").asDouble()).isEqualTo(1.5);
        assertThat(phase.path("slowRequests").path("logged").asInt()).isZero();
    }

    @Test
    void theSlowestRequestsAreThoseTheLedgerLoggedDuringThePhase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path log = dir.resolve("ledger.log");
        String line = "2026-12-02T03:00:00.000Z  WARN 1 --- [exec-1] o.c.app.metrics.SlowRequests : slow request: ";
        java.nio.file.Files.writeString(log, line + "POST /api/v1/practitioners/{id}/credits 201 99.0 ms: before the phase\n");
        long mark = SlowestRequests.mark(log);
        java.nio.file.Files.writeString(log, line + "POST /api/v1/practitioners/{id}/credits 201 21.5 ms: its CPU 2.0 ms\n"
                + "an unrelated line\n"
                + line + "POST /api/v1/practitioners/{id}/credits 201 130.2 ms: its CPU 3.1 ms, waiting for the store"
                + " 1.0 ms, other 126.1 ms\n", java.nio.file.StandardOpenOption.APPEND);

        SlowestRequests slow = SlowestRequests.since(log, mark);

        assertThat(slow.logged()).isEqualTo(2);
        assertThat(slow.slowest()).containsExactly(
                "POST /api/v1/practitioners/{id}/credits 201 130.2 ms: its CPU 3.1 ms, waiting for the store 1.0 ms,"
                        + " other 126.1 ms",
                "POST /api/v1/practitioners/{id}/credits 201 21.5 ms: its CPU 2.0 ms");
    }

    @Test
    void cpuPerRequestIsTheLedgersAndTheMachinesBusyTimeOverTheRequests() {
        // 300 ticks of the ledger and 400 busy ticks of the machine (both cores) over 1,000 requests
        ObjectNode phase = JsonNodeFactory.instance.objectNode();
        new DuringPhase.Observed(QUIET_JVM, Optional.of(new MachineCpu(300, 100, 600, 0, 0)), null,
                Optional.of(new ProcessCpu(300)), NONE_SLOW).perRequest(phase, 1_000);
        assertThat(phase.path("ledgerCpuMsPerRequest").asDouble()).isEqualTo(3.0);
        assertThat(phase.path("machineCpuMsPerRequest").asDouble()).isEqualTo(4.0);
    }

    @Test
    void theProcessCountersAreReadPastACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (ledger) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 567 0 0 20 0 80 0 100 0 0";
        assertThat(ProcessCpu.parse(stat).ticks()).isEqualTo(1234 + 567);
        assertThat(ProcessCpu.of(ProcessHandle.current().pid())).isPresent();
    }
}
