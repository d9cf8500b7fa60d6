package org.celedger.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.ProfileChanges;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TransferKind;
import org.junit.jupiter.api.Test;

/**
 * The fold of one practitioner's facts (RULES.md §2), tested where it lives: each kind of event is folded
 * by its entry in {@link PractitionerFacts}'s table, the profile at a date, and the credit years the
 * facts land in.
 */
class PractitionerFactsTest {

    private static ProfileChanges sector(Sector sector) {
        return new ProfileChanges(null, null, null, null, null, sector, null, null, null, null, null);
    }

    @Test
    void aCorrectionAppliesWhateverTheDateAndATransferFromItsEffectiveDate() {
        PractitionerFacts f = PractitionerFacts.of(Facts.practitioner()
                .correct(sector(Sector.STATE_ENTERPRISE))
                .transfer(TransferKind.BETWEEN_REGIONS, LocalDate.of(2024, 3, 1), Jurisdiction.NX, null)
                .list());

        // The correction fixes a wrong value, so it holds even before it was recorded.
        assertThat(f.profileAt(LocalDate.of(2020, 1, 1)).sector()).isEqualTo(Sector.STATE_ENTERPRISE);
        assertThat(f.profileAt(LocalDate.of(2024, 2, 29)).jurisdiction()).isEqualTo(Jurisdiction.IM);
        assertThat(f.profileAt(LocalDate.of(2024, 3, 1)).jurisdiction()).isEqualTo(Jurisdiction.NX);
        assertThat(f.transfers()).hasSize(1);
        assertThat(f.upToSequence).isEqualTo(2L);
    }

    @Test
    void aCorrectionBeforeTheRegistrationIsIgnoredAndWithoutRegistrationThereIsNoProfile() {
        RecordedFact early = new RecordedFact(0, Instant.EPOCH, new PractitionerProfileCorrected(Facts.ID, "c-0",
                sector(Sector.NON_PUBLIC), null, "wrong value"));
        PractitionerFacts unregistered = PractitionerFacts.of(List.of(early));

        assertThatThrownBy(() -> unregistered.profileAt(LocalDate.of(2025, 1, 1)))
                .isInstanceOf(UnregisteredPractitionerException.class);
    }

    @Test
    void theFirstRevocationAndTheLatestReassignmentHold() {
        PractitionerFacts f = PractitionerFacts.of(Facts.practitioner()
                .award("a-1", 2024, Category.PUBLIC, Activity.ONLINE_PLATFORM, "10")
                .reassign("a-1", 2024, 2022)
                .reassign("a-1", 2024, 2023)
                .revoke("a-1")
                .revoke("a-1")
                .list());

        PractitionerFacts.Award award = f.awards.get(0);
        assertThat(award.reassignment().targetYear()).isEqualTo(2023);
        assertThat(award.reassignedBy.sequence()).isEqualTo(3L);
        assertThat(award.revokedBy.sequence()).isEqualTo(4L);
        assertThat(award.asFact().award().hours()).isEqualByComparingTo(new BigDecimal("10"));
    }

    @Test
    void creditYearsAreTheAwardsOwnAndMakeUpYearsAndTheConversionsYears() {
        PractitionerFacts f = PractitionerFacts.of(Facts.practitioner()
                .award("a-1", 2024, Category.PUBLIC, Activity.ONLINE_PLATFORM, "10")
                .reassign("a-1", 2024, 2022)
                .languageExam(LocalDate.of(2019, 5, 1))
                .lecturing(LocalDate.of(2021, 9, 1), "4")
                .list());

        assertThat(f.creditYears()).containsExactly(2019, 2021, 2022, 2024);
        // A title exam alone does not make a year: some rule sets value it in no year (§4.2).
        assertThat(f.creditYearsOfFactsInSomeYear()).containsExactly(2021, 2022, 2024);
        assertThat(f.conversionsInForce()).hasSize(2);
        assertThat(f.conversionFacts()).extracting(c -> c.fact().sequence()).containsExactly(3L, 4L);
    }
}
