package org.celedger.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void readsValuesFlagsAndRefusesWhatNobodyAsksFor() {
        Args args = new Args(List.of("--practitioners", "100,000", "--seed=7", "--keep", "--out", "x.json"));
        assertThat(args.integer("practitioners", 1)).isEqualTo(100_000);
        assertThat(args.number("seed", 1)).isEqualTo(7);
        assertThat(args.flag("keep")).isTrue();
        assertThat(args.flag("other")).isFalse();
        assertThat(args.integer("years", 5)).isEqualTo(5);
        assertThatThrownBy(args::done).isInstanceOf(Args.UsageException.class).hasMessageContaining("--out");
        assertThatThrownBy(() -> new Args(List.of("--a", "1", "--a", "2"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Args(List.of("--n", "x")).integer("n", 1)).hasMessageContaining("whole number");
    }
}
