package org.celedger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuringPhaseTest {

    private static final JvmActivity QUIET_JVM = new JvmActivity(0, 0, 0, 0, 0);

    @Test
    void aNoticeableStolenShareIsReportedWithTheVerdict() {
        // 1,000 ticks: 182 stolen, as in a writes-only run on the development VM
        DuringPhase.Observed stolen = new DuringPhase.Observed(QUIET_JVM,
                Optional.of(new MachineCpu(250, 70, 498, 0, 182)), null, Optional.empty());
        DuringPhase.Observed calm = new DuringPhase.Observed(QUIET_JVM,
                Optional.of(new MachineCpu(250, 70, 675, 0, 5)), null, Optional.empty());

        assertThat(stolen.stolen()).contains(18.2);
        assertThat(calm.stolen()).as("half a per cent is noise, not worth a word").isEmpty();
        assertThat(new DuringPhase.Observed(QUIET_JVM, Optional.empty(), null, Optional.empty()).stolen()).isEmpty();
    }

    @Test
    void writesEachPartIntoThePhasesReport() {
        ServerTime server = ServerTime.parse("http_server_requests_seconds_bucket{method=\"GET\",uri=\"/x\",le=\"0.004\"} 3.0\n"
                + "http_server_requests_seconds_bucket{method=\"GET\",uri=\"/x\",le=\"+Inf\"} 3.0", "GET", "/x");
        ObjectNode phase = JsonNodeFactory.instance.objectNode();

        new DuringPhase.Observed(QUIET_JVM, Optional.of(new MachineCpu(1, 1, 2, 0, 0)), server,
                Optional.of(new ProcessCpu(150))).into(phase);

        assertThat(phase.path("ledgerJvmDuringPhase").has("jitCompilationMs")).isTrue();
        assertThat(phase.path("machineDuringPhase").path("busyPercent").asDouble()).isEqualTo(50.0);
        assertThat(phase.path("ledgerOwnTime").path("requests").asLong()).isEqualTo(3);
        assertThat(phase.path("ledgerOwnTime").path("p99AtMostMs").asDouble()).isEqualTo(4.0);
        assertThat(phase.path("ledgerCpuSeconds").asDouble()).isEqualTo(1.5);
    }

    @Test
    void cpuPerRequestIsTheLedgersAndTheMachinesBusyTimeOverTheRequests() {
        // 300 ticks of the ledger and 400 busy ticks of the machine (both cores) over 1,000 requests
        ObjectNode phase = JsonNodeFactory.instance.objectNode();
        new DuringPhase.Observed(QUIET_JVM, Optional.of(new MachineCpu(300, 100, 600, 0, 0)), null,
                Optional.of(new ProcessCpu(300))).perRequest(phase, 1_000);
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
