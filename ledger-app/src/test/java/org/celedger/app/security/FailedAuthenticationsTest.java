package org.celedger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Wrong keys per address: a limit per window, a Retry-After to its end, and a bounded table. */
class FailedAuthenticationsTest {

    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestClock clock = new TestClock();

    @Test
    void theLimitHoldsForTheRestOfTheWindowThenAFreshWindowStarts() {
        FailedAuthentications failures = new FailedAuthentications(3, Duration.ofMinutes(1), 100, clock);
        assertThat(failures.failed("a")).isZero();
        assertThat(failures.failed("a")).isZero();
        assertThat(failures.failed("a")).isZero();
        assertThat(failures.failed("a")).isEqualTo(60);
        clock.now = clock.now.plusMillis(20_500);
        assertThat(failures.failed("a")).as("whole seconds, rounded up").isEqualTo(40);
        assertThat(failures.failed("b")).as("another address").isZero();
        clock.now = clock.now.plusSeconds(40);
        assertThat(failures.failed("a")).isZero();
    }

    @Test
    void theTableIsBoundedForgettingTheLeastRecentlyFailedFirst() {
        FailedAuthentications failures = new FailedAuthentications(1, Duration.ofMinutes(1), 1_000, clock);
        failures.failed("guesser");
        assertThat(failures.failed("guesser")).as("seconds to wait").isEqualTo(60);
        for (int i = 0; i < 10_000; i++) {
            failures.failed("flood-" + i);
        }
        assertThat(failures.remembered()).isEqualTo(1_000);
    }
}
