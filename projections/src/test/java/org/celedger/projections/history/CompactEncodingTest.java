package org.celedger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.celedger.projections.history.EligibilitySummary;
import org.celedger.projections.history.YearSummary;
import org.junit.jupiter.api.Test;

/** The binary lists of a practitioner document give back exactly what was stored, nulls and decimals included. */
class CompactEncodingTest {

    /** Facts with an instant to the nanosecond, a payload in Chinese and one of 100,000 bytes. */
    private static final List<StoredFact> FACTS = List.of(
            new StoredFact(0, Instant.parse("2026-01-02T03:04:05.123456789Z"), "PractitionerRegistered",
                    "{\"name\":\"乌云其木格\",\"region\":\"呼和浩特市\"}"),
            new StoredFact(1, Instant.parse("2026-01-02T03:04:06Z"), "CreditAwarded", "{\"hours\":1.5}"),
            new StoredFact(7, Instant.EPOCH, "CreditRevoked", "x".repeat(100_000)));

    @Test
    void factsRoundTripWithTheirInstantsToTheNanosecondAndPayloadsInAnyScript() {
        assertThat(CompactEncoding.facts(CompactEncoding.facts(FACTS))).isEqualTo(FACTS);
        assertThat(CompactEncoding.facts(CompactEncoding.facts(List.of()))).isEmpty();
    }

    @Test
    void yearsKeepDecimalsExactlyAndNulls() {
        List<YearSummary> years = List.of(
                new YearSummary(2025, "IM-2025", "abc123", new BigDecimal("30.0"), new BigDecimal("60.5"),
                        new BigDecimal("90.50"), "MET"),
                new YearSummary(2026, null, null, null, null, null, "NO_RULE_SET"));
        List<YearSummary> back = CompactEncoding.years(CompactEncoding.years(years));
        assertThat(back).isEqualTo(years);
        assertThat(back.get(0).total().scale()).as("90.50 stays 90.50, not 90.5").isEqualTo(2);
    }

    @Test
    void eligibilityLinesRoundTrip() {
        List<EligibilitySummary> lines = List.of(
                new EligibilitySummary("TITLE_EVALUATION", "INTERMEDIATE", 2026, "NX-2022", "v1", "ELIGIBLE", true, null),
                new EligibilitySummary("ASSESSMENT_RECOGNITION", "MASTER_TO_INTERMEDIATE", 2026, null, null,
                        "NOT_ELIGIBLE", false, "SHORT"));
        assertThat(CompactEncoding.eligibility(CompactEncoding.eligibility(lines))).isEqualTo(lines);
    }

    @Test
    void aValueInAnotherFormatIsRefusedWithWhatToDo() {
        byte[] bytes = CompactEncoding.facts(List.of());
        bytes[0] = 9;
        assertThatThrownBy(() -> CompactEncoding.facts(bytes)).hasMessageContaining("format 9")
                .hasMessageContaining("rebuild");
    }

    /** A read walks the stored facts in place (FactCodec.decodeThrough): the same facts, payloads not copied. */
    @Test
    void walkingTheFactsInPlaceGivesWhatWasStored() {
        byte[] bytes = CompactEncoding.facts(FACTS);
        List<StoredFact> walked = new java.util.ArrayList<>();

        CompactEncoding.forEachFact(bytes, (sequence, recordedAt, type, array, offset, length) -> {
            assertThat(array).isSameAs(bytes);
            walked.add(new StoredFact(sequence, recordedAt, type,
                    new String(array, offset, length, java.nio.charset.StandardCharsets.UTF_8)));
        });

        assertThat(walked).isEqualTo(FACTS);
    }

    @Test
    void aDamagedValueIsRefusedWithWhatToDo() {
        byte[] bytes = CompactEncoding.facts(List.of(new StoredFact(0, Instant.EPOCH, "CreditAwarded", "{}")));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> CompactEncoding.forEachFact(cut, (a, b, c, d, e, f) -> { }))
                .hasMessageContaining("damaged").hasMessageContaining("rebuild");
        bytes[0] = 9;
        assertThatThrownBy(() -> CompactEncoding.forEachFact(bytes, (a, b, c, d, e, f) -> { }))
                .hasMessageContaining("format 9");
    }
}
