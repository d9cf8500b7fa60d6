package org.celedger.domain.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.base.BaseFacts.NOW;
import static org.celedger.domain.base.TrainingBaseTest.rejection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.practitioner.Jurisdiction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A random check's sample: drawn once, recorded with what re-draws it, and the same request answers the same. */
class InspectionSampleTest {

    private static final String ID = "sample-2025-IM-5-2025-IM-1";

    private AggregateTestFixture<InspectionSample> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InspectionSample.class);
    }

    private static InspectionSampleDrawn drawn() {
        List<SampleCandidate> sorted = InspectionSamplerTest.population().stream()
                .sorted(Comparator.comparing(SampleCandidate::key)).toList();
        return new InspectionSampleDrawn(ID, 2025, 5, "2025-IM-1", Jurisdiction.IM, "A-ES/SHA-256/v1", sorted,
                InspectionSampler.draw("2025-IM-1", 5, sorted));
    }

    @Test
    void theSampleIdIsDerivedFromTheRequest() {
        assertThat(InspectionSample.sampleId(2025, Jurisdiction.IM, 5, "2025-IM-1"))
                .isEqualTo(ID);
        assertThat(InspectionSample.sampleId(2025, null, 10, "x"))
                .isEqualTo("sample-2025-ALL-10-x");
    }

    @Test
    void drawsAndRecordsTheSeedThePopulationInAFixedOrderAndTheSelection() {
        List<SampleCandidate> reversed = new ArrayList<>(InspectionSamplerTest.population());
        Collections.reverse(reversed);
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(DrawInspectionSampleCommand.of(2025, 5, "2025-IM-1", Jurisdiction.IM, reversed))
                .expectResultMessagePayload(new SampleDrawResult(WriteOutcome.ACCEPTED, drawn()))
                .expectEvents(drawn());
        assertThat(drawn().selected()).extracting(c -> c.key().toString())
                .isEqualTo(InspectionSamplerTest.PINNED);
    }

    @Test
    void theSameRequestAgainAnswersTheSampleFirstDrawnEvenIfThePopulationChanged() {
        List<SampleCandidate> changed = new ArrayList<>(InspectionSamplerTest.population());
        changed.add(SampleCandidate.of("base-9", "late-session", List.of(RiskSignal.values())));
        fixture.given(drawn()).andGivenCurrentTime(NOW)
                .when(DrawInspectionSampleCommand.of(2025, 5, "2025-IM-1", Jurisdiction.IM, changed))
                .expectResultMessagePayload(new SampleDrawResult(WriteOutcome.DUPLICATE, drawn()))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidRequests() {
        var population = InspectionSamplerTest.population();
        var first = population.get(0);
        return Stream.of(
                Arguments.of("sample id not derived from the request", new DrawInspectionSampleCommand("sample-x",
                        2025, 5, "s", null, population), "sampleId"),
                Arguments.of("year missing", new DrawInspectionSampleCommand("sample-x", null, 5, "s", null,
                        population), "year"),
                Arguments.of("year before 1980", DrawInspectionSampleCommand.of(1979, 5, "s", null, population),
                        "year"),
                Arguments.of("year two years ahead", DrawInspectionSampleCommand.of(2028, 5, "s", null, population),
                        "year"),
                Arguments.of("size zero", DrawInspectionSampleCommand.of(2025, 0, "s", null, population), "size"),
                Arguments.of("size absurd", DrawInspectionSampleCommand.of(2025, 5000, "s", null, population),
                        "size"),
                Arguments.of("seed missing", new DrawInspectionSampleCommand("sample-2025-ALL-5-null", 2025, 5, null,
                        null, population), "seed"),
                Arguments.of("seed with a space", DrawInspectionSampleCommand.of(2025, 5, "a b", null, population),
                        "seed"),
                Arguments.of("population missing", DrawInspectionSampleCommand.of(2025, 5, "s", null, null),
                        "population"),
                Arguments.of("population empty", DrawInspectionSampleCommand.of(2025, 5, "s", null, List.of()),
                        "population"),
                Arguments.of("a session twice", DrawInspectionSampleCommand.of(2025, 5, "s", null,
                        List.of(first, first)), "population"),
                Arguments.of("a weight that is not 1 + its signals", DrawInspectionSampleCommand.of(2025, 5, "s",
                        null, List.of(new SampleCandidate(first.baseId(), first.sessionId(), 10, first.signals()))),
                        "population.weight"),
                Arguments.of("signals missing", DrawInspectionSampleCommand.of(2025, 5, "s", null,
                        List.of(new SampleCandidate(first.baseId(), first.sessionId(), 1, null))),
                        "population.signals"),
                Arguments.of("a malformed session id", DrawInspectionSampleCommand.of(2025, 5, "s", null,
                        List.of(SampleCandidate.of("base-1", "s 1", List.of()))), "population.sessionId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void refusesAnInvalidRequestNamingTheField(String description, DrawInspectionSampleCommand command, String field) {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(command)
                .expectException(rejection(InvalidFactException.class, field))
                .expectNoEvents();
    }
}
