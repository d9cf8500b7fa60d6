package org.celedger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts of hours: one decimal, plausible, and refused cheaply and briefly whatever their exponent. */
class FactChecksTest {

    private static final BigDecimal MAX = new BigDecimal("1000");

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e100000000", "-1e999999999", "1e-999999999", "-1e-999999999",
            "123456789012345678901234567890e999999", "1.00000000000000000000000000000000000000001"})
    void aHugeExponentIsRefusedFastWithAShortMessage(String text) {
        BigDecimal value = new BigDecimal(text);
        long started = System.nanoTime();
        assertThatThrownBy(() -> FactChecks.oneDecimal("hours", value, MAX))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> {
                    assertThat(e.field()).isEqualTo("hours");
                    assertThat(e.getMessage()).hasSizeLessThan(120);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void plausibleAmountsStillPass() {
        assertThat(FactChecks.oneDecimal("hours", new BigDecimal("32"), MAX)).isEqualByComparingTo("32.0")
                .hasToString("32.0");
        assertThat(FactChecks.oneDecimal("hours", new BigDecimal("1E+3"), MAX)).hasToString("1000.0");
        assertThat(FactChecks.oneDecimal("hours", new BigDecimal("12.50000"), MAX)).hasToString("12.5");
        assertThat(FactChecks.oneDecimal("hours", BigDecimal.ZERO, false, MAX)).hasToString("0.0");
    }

    @Test
    void theOldMessagesStay() {
        assertThatThrownBy(() -> FactChecks.oneDecimal("hours", new BigDecimal("1000.5"), MAX))
                .hasMessage("hours 1000.5 is implausible: at most 1000");
        assertThatThrownBy(() -> FactChecks.oneDecimal("hours", new BigDecimal("1.25"), MAX))
                .hasMessage("hours has more than one decimal place: 1.25");
        assertThatThrownBy(() -> FactChecks.oneDecimal("hours", new BigDecimal("-2"), MAX))
                .hasMessage("hours must be positive, not -2");
    }
}
