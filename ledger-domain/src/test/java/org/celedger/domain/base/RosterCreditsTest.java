package org.celedger.domain.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.base.BaseFacts.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.AwardCreditCommand;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditRevoked;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.Practitioner;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.RevocationCause;
import org.celedger.domain.practitioner.RevokeCreditCommand;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.junit.jupiter.api.Test;

/** A roster's rows become awards on the practitioners, and a falsified session takes them back. */
class RosterCreditsTest {

    private static final RosterSubmitted ROSTER = new RosterSubmitted(B, S,
            List.of(entry("p-1", "24.0"), new RosterEntry("p-2", "李明", new BigDecimal("12.5"), Category.PUBLIC)),
            LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 12));

    @Test
    void theAwardIdIsTheSessionAndThePractitioner() {
        assertThat(RosterCredits.awardId("s-1", "p-9")).isEqualTo("s-1/p-9");
    }

    @Test
    void everyNewRowBecomesABaseTrainingAwardInTheYearTheSessionEnded() {
        assertThat(RosterCredits.awardsFor(ROSTER, "内蒙古人社厅")).containsExactly(
                new AwardCreditCommand("p-1", "s-1/p-1", 2026, Category.PROFESSIONAL, Activity.BASE_TRAINING,
                        new BigDecimal("24.0"), null, B, S, "内蒙古人社厅", null, LocalDate.of(2026, 3, 12)),
                new AwardCreditCommand("p-2", "s-1/p-2", 2026, Category.PUBLIC, Activity.BASE_TRAINING,
                        new BigDecimal("12.5"), null, B, S, "内蒙古人社厅", null, LocalDate.of(2026, 3, 12)));
    }

    @Test
    void aFalsifiedSessionRevokesEachAwardWithTheInspectionAsCause() {
        var falsified = new SessionFalsified(B, S, "i-7", List.of("p-1", "p-2"), "签到表系伪造");
        assertThat(RosterCredits.revocationsFor(falsified)).containsExactly(
                new RevokeCreditCommand("p-1", "s-1/p-1", "签到表系伪造", RevocationCause.FAILED_INSPECTION, "i-7"),
                new RevokeCreditCommand("p-2", "s-1/p-2", "签到表系伪造", RevocationCause.FAILED_INSPECTION, "i-7"));
    }

    /** The commands are ones the practitioner accepts, and accepts only once: re-running the process manager is safe. */
    @Test
    void thePractitionerAcceptsTheAwardAndItsRevocationAndAnswersRetriesAsDuplicates() {
        var registered = new PractitionerRegistered("p-1", new PractitionerProfile("王芳", Gender.FEMALE,
                LocalDate.of(1980, 5, 17), Jurisdiction.IM, "呼和浩特市", Sector.PUBLIC_INSTITUTION, false, "工程",
                TitleLevel.INTERMEDIATE, LocalDate.of(2015, 12, 1), Degree.BACHELOR));
        AwardCreditCommand award = RosterCredits.awardsFor(ROSTER, "内蒙古人社厅").get(0);
        var awarded = new CreditAwarded("p-1", "s-1/p-1", 2026, Category.PROFESSIONAL, Activity.BASE_TRAINING,
                new BigDecimal("24.0"), null, B, S, "内蒙古人社厅", null, LocalDate.of(2026, 3, 12));
        var fixture = new AggregateTestFixture<>(Practitioner.class);

        fixture.given(registered).andGivenCurrentTime(NOW)
                .when(award)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                .expectEvents(awarded);
        fixture.given(registered, awarded).andGivenCurrentTime(NOW)
                .when(award)
                .expectResultMessagePayload(WriteOutcome.DUPLICATE);

        RevokeCreditCommand revoke = RosterCredits.revocationsFor(
                new SessionFalsified(B, S, "i-7", List.of("p-1"), "签到表系伪造")).get(0);
        var revoked = new CreditRevoked("p-1", "s-1/p-1", "签到表系伪造", RevocationCause.FAILED_INSPECTION, "i-7");
        fixture.given(registered, awarded).andGivenCurrentTime(NOW)
                .when(revoke)
                .expectEvents(revoked);
        fixture.given(registered, awarded, revoked).andGivenCurrentTime(NOW)
                .when(revoke)
                .expectResultMessagePayload(WriteOutcome.DUPLICATE);
    }
}
