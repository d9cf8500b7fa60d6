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
                Optional.of(new MachineCpu(250, 70, 498, 0, 182)), null);
        DuringPhase.Observed calm = new DuringPhase.Observed(QUIET_JVM,
                Optional.of(new MachineCpu(250, 70, 675, 0, 5)), null);

        assertThat(stolen.stolen()).contains(18.2);
        assertThat(calm.stolen()).as("half a per cent is noise, not worth a word").isEmpty();
        assertThat(new DuringPhase.Observed(QUIET_JVM, Optional.empty(), null).stolen()).isEmpty();
    }

    @Test
    void writesEachPartIntoThePhasesReport() {
        ServerTime server = ServerTime.parse("http_server_requests_seconds_bucket{method=\"GET\",uri=\"/x\",le=\"0.004\"} 3.0\n"
                + "http_server_requests_seconds_bucket{method=\"GET\",uri=\"/x\",le=\"+Inf\"} 3.0", "GET", "/x");
        ObjectNode phase = JsonNodeFactory.instance.objectNode();

        new DuringPhase.Observed(QUIET_JVM, Optional.of(new MachineCpu(1, 1, 2, 0, 0)), server).into(phase);

        assertThat(phase.path("ledgerJvmDuringPhase").has("jitCompilationMs")).isTrue();
        assertThat(phase.path("machineDuringPhase").path("busyPercent").asDouble()).isEqualTo(50.0);
        assertThat(phase.path("ledgerOwnTime").path("requests").asLong()).isEqualTo(3);
        assertThat(phase.path("ledgerOwnTime").path("p99AtMostMs").asDouble()).isEqualTo(4.0);
    }
}
