package org.celedger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void splitsTheTicksOfAPhaseIntoBusyIowaitStolenAndIdle() {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice
        MachineCpu before = MachineCpu.parse("cpu  1000 0 200 5000 10 0 0 100 0 0");
        MachineCpu after = MachineCpu.parse("cpu  1500 50 300 5300 20 10 40 150 0 0");

        MachineCpu phase = after.since(before);

        // 1,060 ticks in the phase: user and nice 550, system with interrupts 150, idle 300, iowait 10, steal 50
        assertThat(phase).isEqualTo(new MachineCpu(550, 150, 300, 10, 50));
        assertThat(phase.percent(phase.steal())).isCloseTo(100.0 * 50 / 1060, within(1e-9));
        assertThat(phase.toString()).contains("busy 66 %").contains("hypervisor 4.7 %");
    }

    @Test
    void readsThisMachinesCountersWhereThereAreAny() {
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/stat"))) {
            assertThat(MachineCpu.now()).hasValueSatisfying(now -> assertThat(now.user() + now.idle()).isPositive());
        } else {
            assertThat(MachineCpu.now()).isEmpty();
        }
    }
}
