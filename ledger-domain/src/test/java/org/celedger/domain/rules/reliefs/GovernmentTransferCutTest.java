package org.celedger.domain.rules.reliefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.PractitionerTransferred;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.practitioner.TransferKind;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.PractitionerFacts;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.Test;

/**
 * IM-2025 一(五)5 (IM-2022 三(七)), tested where it lives: a transfer from a government organ in year T
 * waives the requirement of evaluation year T and cuts the years up to T from a later window.
 */
class GovernmentTransferCutTest {

    private static final PractitionerProfile PROFILE = new PractitionerProfile("李四", Gender.FEMALE,
            LocalDate.of(1985, 3, 1), Jurisdiction.IM, "包头市", Sector.PUBLIC_INSTITUTION, false, "工程",
            TitleLevel.INTERMEDIATE, LocalDate.of(2016, 5, 1), Degree.BACHELOR);

    private final GovernmentTransferCut im2025 = RuleSets.bundled().byId("IM-2025").orElseThrow().reliefs().governmentTransfer();

    private static ReliefContext evaluation(int year, LocalDate... transfers) {
        List<PractitionerEvent> events = new ArrayList<>();
        events.add(new PractitionerRegistered("p-1", PROFILE));
        for (int i = 0; i < transfers.length; i++) {
            events.add(new PractitionerTransferred("p-1", "t-" + (i + 1), TransferKind.FROM_GOVERNMENT_ORGAN, transfers[i],
                    null, null, Sector.PUBLIC_INSTITUTION));
        }
        List<RecordedFact> facts = new ArrayList<>();
        for (PractitionerEvent e : events) {
            facts.add(new RecordedFact(facts.size(), Instant.EPOCH, e));
        }
        EligibilityQuery query = EligibilityQuery.title(TitleLevel.ASSOCIATE_SENIOR, year);
        return new ReliefContext(PractitionerFacts.of(facts), PROFILE, query, query.effectiveAsOf(),
                new int[]{year - 2, year - 1, year});
    }

    @Test
    void aTransferInTheEvaluationYearWaives() {
        AppliedRelief relief = im2025.assess(evaluation(2026, LocalDate.of(2026, 3, 1)));

        assertThat(relief.kind()).isEqualTo(ReliefKind.GOVERNMENT_TRANSFER);
        assertThat(relief.effect()).isEqualTo(ReliefEffect.WAIVED);
        assertThat(relief.citation()).isEqualTo("IM-2025 一(五)5");
        assertThat(relief.detail()).isEqualTo("transfer t-1 (sequence 1) from a government organ effective 2026-03-01,"
                + " in the evaluation year");
    }

    @Test
    void anEarlierTransferCutsItsYearAndTheYearsBefore() {
        AppliedRelief relief = im2025.assess(evaluation(2026, LocalDate.of(2024, 7, 1)));

        assertThat(relief.effect()).isEqualTo(ReliefEffect.WINDOW_CUT);
        assertThat(relief.cutYears()).containsExactly(2024);
        assertThat(relief.detail()).endsWith("; only years after 2024 count; removes [2024]");
    }

    @Test
    void theLatestTransferByTheAsOfDateCounts() {
        AppliedRelief relief = im2025.assess(evaluation(2026, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 1, 1)));

        assertThat(relief.cutYears()).containsExactly(2024, 2025);
        assertThat(relief.detail()).startsWith("transfer t-2 (sequence 2)");
    }

    @Test
    void aTransferBeforeTheWindowIsListedWithoutEffect() {
        AppliedRelief relief = im2025.assess(evaluation(2026, LocalDate.of(2019, 1, 1)));

        assertThat(relief.effect()).isEqualTo(ReliefEffect.NONE);
        assertThat(relief.cutYears()).isEmpty();
        assertThat(relief.detail()).endsWith("; no year of the window is affected");
    }

    @Test
    void aRuleSetWithoutTheReliefOrAPractitionerWithoutTheTransferHasNone() {
        GovernmentTransferCut im2017 = RuleSets.bundled().byId("IM-2017").orElseThrow().reliefs().governmentTransfer();

        assertThat(im2017.assess(evaluation(2021, LocalDate.of(2021, 3, 1)))).isNull();
        assertThat(im2025.assess(evaluation(2026))).isNull();
    }
}
