package org.celedger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.celedger.domain.InvalidFactException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which failures every command sender retries: the lost races and lock give-ups, wherever in the cause chain. */
class TransientFailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("lost race on a sequence", new ConcurrencyException("sequence taken"), true),
                Arguments.of("lost race to create an aggregate (two nodes registering one practitioner)",
                        new AggregateStreamCreationException("Cannot reuse aggregate identifier"), true),
                Arguments.of("H2 lock timeout, wrapped", new IllegalStateException("commit",
                        new SQLException("Timeout trying to lock table", "HYT00")), true),
                Arguments.of("PostgreSQL deadlock", new SQLException("deadlock detected", "40P01"), true),
                Arguments.of("PostgreSQL serialization failure", new SQLException("could not serialize", "40001"), true),
                Arguments.of("PostgreSQL lock not available", new SQLException("lock not available", "55P03"), true),
                Arguments.of("a constraint the write broke", new SQLException("check violated", "23514"), false),
                Arguments.of("a refusal by the aggregate", new InvalidFactException("hours", "hours must be positive"), false),
                Arguments.of("a bug", new NullPointerException(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void retriesOnlyWhatCanSucceedAMomentLater(String name, Throwable failure, boolean transientFailure) {
        assertThat(TransientFailures.isTransient(failure)).isEqualTo(transientFailure);
    }
}
