package org.celedger.domain.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.practitioner.Facts.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.WriteOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resident ID number as a profile field, and the erasure of personal data (API.md "Personal data"). */
class PersonalDataTest {

    static final Instant NOW = Instant.parse("2026-06-01T04:00:00Z");
    /** A woman's number (17th digit even) born 1980-05-17, as {@link Facts#profile()} is. */
    static final String ID_NUMBER = "150102198005170023";

    private AggregateTestFixture<Practitioner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practitioner.class);
    }

    static PractitionerProfile withIdNumber(String number) {
        PractitionerProfile p = profile();
        return new PractitionerProfile(p.name(), number, p.gender(), p.birthDate(), null, p.jurisdiction(), p.region(),
                p.sector(), p.grassroots(), p.titleSeries(), p.titleLevel(), p.titleObtainedOn(), p.degree());
    }

    @Nested
    class ResidentIdNumbers {
        @ParameterizedTest(name = "{0} valid: {1}")
        @CsvSource({
                "150102198005170023, true",
                "15010219800517012X, true",
                "150102198005170024, false",  // wrong check character
                "15010219800517002, false",   // 17 characters
                "1501021980051700231, false", // 19
                "15010219800517002A, false",
                "'', false"})
        void theCheckCharacterOfGb11643IsVerified(String number, boolean valid) {
            assertThat(ResidentIdNumber.isValid(number)).isEqualTo(valid);
        }

        @Test
        void maskedKeepsTheAreaAndTheLastFour() {
            assertThat(ResidentIdNumber.masked(ID_NUMBER)).isEqualTo("150102********0023");
            assertThat(ResidentIdNumber.masked("12345")).isEqualTo("*****");
            assertThat(ResidentIdNumber.masked(null)).isNull();
        }

        @Test
        void aLowerCaseCheckCharacterIsStoredUpperCase() {
            assertThat(withIdNumber(" 15010219800517012x ").idNumber()).isEqualTo("15010219800517012X");
        }
    }

    @Nested
    class Registration {
        @Test
        void aProfileMayCarryItsIdNumber() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(new RegisterPractitionerCommand(P, withIdNumber(ID_NUMBER)))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(new PractitionerRegistered(P, withIdNumber(ID_NUMBER)));
        }

        @Test
        void theBirthMonthIsAlwaysTheBirthDates() {
            PractitionerProfile p = new PractitionerProfile("王芳", null, Gender.FEMALE, LocalDate.of(1980, 5, 17),
                    YearMonth.of(1999, 1), Jurisdiction.IM, "呼和浩特市", Sector.PUBLIC_INSTITUTION, false, "工程",
                    TitleLevel.INTERMEDIATE, LocalDate.of(2015, 12, 1), Degree.BACHELOR);
            assertThat(p.birthYearMonth()).isEqualTo(YearMonth.of(1980, 5));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
                "150102198005170024, is not a resident ID number",
                "150102198005180024, is not a resident ID number",
                "150102198005180029, holds another birth date",
                "150102198005170015, of the other gender"})
        void anIdNumberThatDoesNotFitIsRefusedWithoutBeingQuoted(String number, String says) {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(new RegisterPractitionerCommand(P, withIdNumber(number)))
                    .expectException(InvalidFactException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString(says),
                            org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(number))))
                    .expectNoEvents();
        }

        @Test
        void aNewIdMustNotBeAResidentIdNumber() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(new RegisterPractitionerCommand(ID_NUMBER, profile()))
                    .expectException(InvalidFactException.class)
                    .expectNoEvents();
        }

        @Test
        void aPractitionerRegisteredUnderANumberBeforeStillTakesItsFacts() {
            fixture.given(new PractitionerRegistered(ID_NUMBER, profile())).andGivenCurrentTime(NOW)
                    .when(new RegisterPractitionerCommand(ID_NUMBER, profile()))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }
    }

    @Nested
    class Erasure {
        final ErasePersonalDataCommand erase = new ErasePersonalDataCommand(P, "e-1", "the person asked", "PIPL art. 47");
        final PersonalDataErased erased = new PersonalDataErased(P, "e-1", "the person asked", "PIPL art. 47");

        @Test
        void recordsTheErasure() {
            fixture.given(new PractitionerRegistered(P, withIdNumber(ID_NUMBER))).andGivenCurrentTime(NOW)
                    .when(erase)
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(erased);
        }

        @Test
        void aRetryIsADuplicateAndAnotherErasureAConflict() {
            fixture.given(registered(), erased).andGivenCurrentTime(NOW)
                    .when(erase)
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
            fixture.given(registered(), erased).andGivenCurrentTime(NOW)
                    .when(new ErasePersonalDataCommand(P, "e-2", "again", "PIPL art. 47"))
                    .expectException(StateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void needsAReasonAndALegalBasis() {
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(new ErasePersonalDataCommand(P, "e-1", "the person asked", " "))
                    .expectException(InvalidFactException.class)
                    .expectNoEvents();
        }

        @Test
        void personalDataIsNotRecordedAgainAfterwards() {
            fixture.given(registered(), erased).andGivenCurrentTime(NOW)
                    .when(new CorrectProfileCommand(P, "c-1", PractitionerTest.changes("李明"), "typo"))
                    .expectException(StateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void otherFieldsAreStillCorrectedAfterwards() {
            var region = new ProfileChanges(null, null, null, null, "包头市", null, null, null, null, null, null);
            fixture.given(registered(), erased).andGivenCurrentTime(NOW)
                    .when(new CorrectProfileCommand(P, "c-1", region, "moved"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(new PractitionerProfileCorrected(P, "c-1", region,
                            new ProfileChanges(null, null, null, null, "呼和浩特市", null, null, null, null, null, null),
                            "moved"));
        }

        @Test
        void theProfileWithoutPersonalDataKeepsTheBirthMonth() {
            PractitionerProfile erasedProfile = withIdNumber(ID_NUMBER).withoutPersonalData();
            assertThat(erasedProfile.name()).isNull();
            assertThat(erasedProfile.idNumber()).isNull();
            assertThat(erasedProfile.birthDate()).isNull();
            assertThat(erasedProfile.birthYearMonth()).isEqualTo(YearMonth.of(1980, 5));
            assertThat(erasedProfile.gender()).isEqualTo(Gender.FEMALE);
            assertThat(erasedProfile.region()).isEqualTo("呼和浩特市");
        }
    }
}
