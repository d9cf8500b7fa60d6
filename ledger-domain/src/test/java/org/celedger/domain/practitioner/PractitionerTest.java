package org.celedger.domain.practitioner;

import static org.celedger.domain.practitioner.Facts.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.IdConflictException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.UnknownFactException;
import org.celedger.domain.WriteOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every command of the practitioner aggregate: what it records, and what a retry of it does. */
class PractitionerTest {

    /** The fixture's clock: "today" for the aggregate's "not in the future" checks. */
    static final Instant NOW = Instant.parse("2026-06-01T04:00:00Z");

    private AggregateTestFixture<Practitioner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practitioner.class);
    }

    @Nested
    class Registration {
        @Test
        void registersAPractitioner() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(register())
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(registered());
        }

        @Test
        void theSameRegistrationAgainIsADuplicate() {
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(register())
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void anotherProfileUnderTheSameIdIsAConflict() {
            var other = new RegisterPractitionerCommand(P, profile().correctedBy(changes("李明")));
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(other)
                    .expectException(IdConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void aPractitionerWithoutTitleHasNoTitleDate() {
            var p = profile();
            var untitled = new PractitionerProfile(p.name(), p.gender(), p.birthDate(), p.jurisdiction(), p.region(),
                    p.sector(), p.grassroots(), null, TitleLevel.NONE, null, Degree.MASTER);
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(new RegisterPractitionerCommand(P, untitled))
                    .expectEvents(new PractitionerRegistered(P, untitled));
        }

        @Test
        void aCommandForAnUnregisteredPractitionerFindsNoAggregate() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(award("a-1"))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class ProfileCorrection {
        @Test
        void recordsTheChangeAndTheValueItReplaced() {
            var changes = new ProfileChanges(null, null, LocalDate.of(1970, 5, 17), null, null, null, null, null,
                    null, null, null);
            var previous = new ProfileChanges(null, null, LocalDate.of(1980, 5, 17), null, null, null, null, null,
                    null, null, null);
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(new CorrectProfileCommand(P, "c-1", changes, "身份证号录入错误"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(new PractitionerProfileCorrected(P, "c-1", changes, previous, "身份证号录入错误"));
        }

        @Test
        void aRetriedCorrectionIsADuplicateEvenThoughTheProfileHasChanged() {
            var changes = changes("李明");
            fixture.given(registered(), new PractitionerProfileCorrected(P, "c-1", changes, changes("王芳"), "改名"))
                    .andGivenCurrentTime(NOW)
                    .when(new CorrectProfileCommand(P, "c-1", changes, "改名"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void anotherCorrectionUnderTheSameIdIsAConflict() {
            fixture.given(registered(), new PractitionerProfileCorrected(P, "c-1", changes("李明"), changes("王芳"), "改名"))
                    .andGivenCurrentTime(NOW)
                    .when(new CorrectProfileCommand(P, "c-1", changes("张三"), "改名"))
                    .expectException(IdConflictException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Credits {
        @Test
        void awardsHoursKeptToOneDecimal() {
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(award("a-1"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(awarded("a-1"));
        }

        @Test
        void awardsMinutesAsGiven() {
            var c = award("a-2");
            var minutes = new AwardCreditCommand(P, "a-2", c.year(), c.category(), c.activity(), null, 1350,
                    c.baseId(), c.sessionId(), c.approvedBy(), c.certificateNo(), c.completedOn());
            var a = awarded("a-2");
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(minutes)
                    .expectEvents(new CreditAwarded(P, "a-2", a.year(), a.category(), a.activity(), null, 1350,
                            a.baseId(), a.sessionId(), a.approvedBy(), a.certificateNo(), a.completedOn()));
        }

        @Test
        void theSameAwardAgainIsADuplicateWhateverTheScaleOfItsHours() {
            var c = award("a-1");
            var retry = new AwardCreditCommand(P, "a-1", c.year(), c.category(), c.activity(), new BigDecimal("32.00"),
                    null, c.baseId(), c.sessionId(), c.approvedBy(), c.certificateNo(), c.completedOn());
            fixture.given(registered(), awarded("a-1")).andGivenCurrentTime(NOW)
                    .when(retry)
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void anotherAwardUnderAUsedIdIsAConflict() {
            var c = award("a-1");
            var other = new AwardCreditCommand(P, "a-1", c.year(), c.category(), c.activity(), new BigDecimal("40"),
                    null, c.baseId(), c.sessionId(), c.approvedBy(), c.certificateNo(), c.completedOn());
            fixture.given(registered(), awarded("a-1")).andGivenCurrentTime(NOW)
                    .when(other)
                    .expectException(IdConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void aRosterAwardIdHoldsTheSessionAndThePractitioner() {
            var c = award("s-9/p-1");
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(c)
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED);
        }

        @Test
        void revokesAnAwardAsACorrection() {
            fixture.given(registered(), awarded("a-1")).andGivenCurrentTime(NOW)
                    .when(new RevokeCreditCommand(P, "a-1", "重复登记", null, null))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(new CreditRevoked(P, "a-1", "重复登记", RevocationCause.CORRECTION, null));
        }

        @Test
        void revokesAnAwardForAFailedInspection() {
            fixture.given(registered(), awarded("a-1")).andGivenCurrentTime(NOW)
                    .when(new RevokeCreditCommand(P, "a-1", "抽查发现弄虚作假", RevocationCause.FAILED_INSPECTION, "insp-7"))
                    .expectEvents(new CreditRevoked(P, "a-1", "抽查发现弄虚作假", RevocationCause.FAILED_INSPECTION, "insp-7"));
        }

        @Test
        void aRetriedRevocationIsADuplicate() {
            fixture.given(registered(), awarded("a-1"),
                            new CreditRevoked(P, "a-1", "重复登记", RevocationCause.CORRECTION, null))
                    .andGivenCurrentTime(NOW)
                    .when(new RevokeCreditCommand(P, "a-1", "重复登记", null, null))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void aSecondRevocationForAnotherReasonIsAConflict() {
            fixture.given(registered(), awarded("a-1"),
                            new CreditRevoked(P, "a-1", "重复登记", RevocationCause.CORRECTION, null))
                    .andGivenCurrentTime(NOW)
                    .when(new RevokeCreditCommand(P, "a-1", "另一原因", null, null))
                    .expectException(StateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyAKnownAwardCanBeRevoked() {
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(new RevokeCreditCommand(P, "a-404", "重复登记", null, null))
                    .expectException(UnknownFactException.class)
                    .expectNoEvents();
        }

        @Test
        void reassignsAnAwardToAnEarlierYear() {
            fixture.given(registered(), awarded("a-1")).andGivenCurrentTime(NOW)
                    .when(new ReassignCreditCommand(P, "a-1", 2024, "补学2024年度"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(new CreditReassigned(P, "a-1", 2025, 2024, "补学2024年度"));
        }

        @Test
        void aRetriedReassignmentIsADuplicate() {
            fixture.given(registered(), awarded("a-1"), new CreditReassigned(P, "a-1", 2025, 2024, "补学2024年度"))
                    .andGivenCurrentTime(NOW)
                    .when(new ReassignCreditCommand(P, "a-1", 2024, "补学2024年度"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void aSecondReassignmentElsewhereIsAConflict() {
            fixture.given(registered(), awarded("a-1"), new CreditReassigned(P, "a-1", 2025, 2024, "补学2024年度"))
                    .andGivenCurrentTime(NOW)
                    .when(new ReassignCreditCommand(P, "a-1", 2023, "补学2023年度"))
                    .expectException(StateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void aRevokedAwardCannotBeReassigned() {
            fixture.given(registered(), awarded("a-1"),
                            new CreditRevoked(P, "a-1", "重复登记", RevocationCause.CORRECTION, null))
                    .andGivenCurrentTime(NOW)
                    .when(new ReassignCreditCommand(P, "a-1", 2024, "补学"))
                    .expectException(StateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyAKnownAwardCanBeReassigned() {
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(new ReassignCreditCommand(P, "a-404", 2024, "补学"))
                    .expectException(UnknownFactException.class);
        }
    }

    @Nested
    class Conversions {
        @Test
        void recordsEachKindAsItsOwnFact() {
            var date = LocalDate.of(2025, 4, 1);
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(withInRegion(conversion("q-1", ConversionKind.QUALIFICATION_EXAM_PASSED), true))
                    .expectEvents(new QualificationExamPassed(P, "q-1", date, true, "证书 123"));
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(conversion("l-1", ConversionKind.TITLE_LANGUAGE_EXAM_PASSED))
                    .expectEvents(new TitleLanguageExamPassed(P, "l-1", date, "证书 123"));
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(withQuantity(conversion("c-1", ConversionKind.COMPUTER_EXAM_PASSED), "3"))
                    .expectEvents(new ComputerExamPassed(P, "c-1", date, 3, "证书 123"));
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(withQuantity(conversion("t-1", ConversionKind.LECTURING_DELIVERED), "12.5"))
                    .expectEvents(new LecturingDelivered(P, "t-1", date, new BigDecimal("12.5"), "证书 123"));
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(withQuantity(conversion("s-1", ConversionKind.STUDY_TOUR_COMPLETED), "2.5"))
                    .expectEvents(new StudyTourCompleted(P, "s-1", date, new BigDecimal("2.5"), "证书 123"));
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(degree("d-1", new BigDecimal("120")))
                    .expectEvents(new DegreeCompleted(P, "d-1", date, LocalDate.of(2022, 9, 1),
                            LocalDate.of(2025, 3, 31), Degree.MASTER, new BigDecimal("120.0"), "证书 123"));
        }

        @Test
        void aRetriedConversionIsADuplicateAndAnotherUnderItsIdAConflict() {
            var date = LocalDate.of(2025, 4, 1);
            var recorded = new StudyTourCompleted(P, "s-1", date, new BigDecimal("2.0"), "证书 123");
            fixture.given(registered(), recorded).andGivenCurrentTime(NOW)
                    .when(withQuantity(conversion("s-1", ConversionKind.STUDY_TOUR_COMPLETED), "2"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
            fixture.given(registered(), recorded).andGivenCurrentTime(NOW)
                    .when(withQuantity(conversion("s-1", ConversionKind.STUDY_TOUR_COMPLETED), "3"))
                    .expectException(IdConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void revokesAConversionOnce() {
            var recorded = new TitleLanguageExamPassed(P, "l-1", LocalDate.of(2025, 4, 1), "证书 123");
            fixture.given(registered(), recorded).andGivenCurrentTime(NOW)
                    .when(new RevokeConversionCommand(P, "l-1", "证书无效"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(new ConversionRevoked(P, "l-1", "证书无效"));
            fixture.given(registered(), recorded, new ConversionRevoked(P, "l-1", "证书无效")).andGivenCurrentTime(NOW)
                    .when(new RevokeConversionCommand(P, "l-1", "证书无效"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
            fixture.given(registered(), recorded, new ConversionRevoked(P, "l-1", "证书无效")).andGivenCurrentTime(NOW)
                    .when(new RevokeConversionCommand(P, "l-1", "别的原因"))
                    .expectException(StateConflictException.class);
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(new RevokeConversionCommand(P, "l-404", "证书无效"))
                    .expectException(UnknownFactException.class);
        }
    }

    @Nested
    class Exemptions {
        @Test
        void grantsAnExemptionWithItsYearsInOrder() {
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(covid("e-1"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(new ExemptionGranted(P, "e-1", ExemptionKind.COVID_FRONTLINE, List.of(2021, 2022),
                            "表彰文件", "自治区卫健委"));
        }

        @Test
        void aPostdocExemptionNeedsNoYears() {
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(new GrantExemptionCommand(P, "e-2", ExemptionKind.POSTDOC, null, "博士后证书", "人社厅"))
                    .expectEvents(new ExemptionGranted(P, "e-2", ExemptionKind.POSTDOC, List.of(), "博士后证书", "人社厅"));
        }

        @Test
        void retriesAndConflictsOfGrantsAndRevocations() {
            var granted = new ExemptionGranted(P, "e-1", ExemptionKind.COVID_FRONTLINE, List.of(2021, 2022),
                    "表彰文件", "自治区卫健委");
            fixture.given(registered(), granted).andGivenCurrentTime(NOW)
                    .when(covid("e-1"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE).expectNoEvents();
            fixture.given(registered(), granted).andGivenCurrentTime(NOW)
                    .when(new GrantExemptionCommand(P, "e-1", ExemptionKind.POSTDOC, null, "x", "y"))
                    .expectException(IdConflictException.class);
            fixture.given(registered(), granted).andGivenCurrentTime(NOW)
                    .when(new RevokeExemptionCommand(P, "e-1", "误报"))
                    .expectEvents(new ExemptionRevoked(P, "e-1", "误报"));
            fixture.given(registered(), granted, new ExemptionRevoked(P, "e-1", "误报")).andGivenCurrentTime(NOW)
                    .when(new RevokeExemptionCommand(P, "e-1", "误报"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE).expectNoEvents();
            fixture.given(registered(), granted, new ExemptionRevoked(P, "e-1", "误报")).andGivenCurrentTime(NOW)
                    .when(new RevokeExemptionCommand(P, "e-1", "别的"))
                    .expectException(StateConflictException.class);
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(new RevokeExemptionCommand(P, "e-404", "误报"))
                    .expectException(UnknownFactException.class);
        }
    }

    @Nested
    class Transfers {
        @Test
        void recordsATransferAndItsRetry() {
            var event = new PractitionerTransferred(P, "t-1", TransferKind.FROM_GOVERNMENT_ORGAN,
                    LocalDate.of(2024, 7, 1), null, null, Sector.PUBLIC_INSTITUTION);
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(transfer("t-1"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(event);
            fixture.given(registered(), event).andGivenCurrentTime(NOW)
                    .when(transfer("t-1"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE).expectNoEvents();
            fixture.given(registered(), event).andGivenCurrentTime(NOW)
                    .when(new TransferPractitionerCommand(P, "t-1", TransferKind.BETWEEN_EMPLOYERS,
                            LocalDate.of(2024, 7, 1), null, null, null))
                    .expectException(IdConflictException.class);
        }

        @Test
        void aTransferBetweenRegionsNamesItsDestination() {
            fixture.given(registered()).andGivenCurrentTime(NOW)
                    .when(new TransferPractitionerCommand(P, "t-2", TransferKind.BETWEEN_REGIONS, LocalDate.of(2025, 1, 1),
                            Jurisdiction.NX, "银川市", null))
                    .expectEvents(new PractitionerTransferred(P, "t-2", TransferKind.BETWEEN_REGIONS,
                            LocalDate.of(2025, 1, 1), Jurisdiction.NX, "银川市", null));
        }
    }

    @Nested
    class Certifications {
        final CertifyEligibilityCommand certify = new CertifyEligibilityCommand(P, "cert-1", "TITLE_EVALUATION",
                "INTERMEDIATE", 2025, LocalDate.of(2025, 12, 31), false, "IM-2025", "sha256:abc", 1L, "NOT_MET", false);
        final EligibilityCertified certified = new EligibilityCertified(P, "cert-1", "TITLE_EVALUATION",
                "INTERMEDIATE", 2025, LocalDate.of(2025, 12, 31), false, "IM-2025", "sha256:abc", 1L, "NOT_MET", false);

        @Test
        void recordsADecisionOnTheFactsUpToASequence() {
            fixture.given(registered(), awarded("a-1")).andGivenCurrentTime(NOW)
                    .when(certify)
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(certified);
        }

        @Test
        void aRetryIsADuplicateEvenWhenFactsArrivedSince() {
            var later = new CertifyEligibilityCommand(P, "cert-1", "TITLE_EVALUATION", "INTERMEDIATE", 2025,
                    LocalDate.of(2025, 12, 31), false, "IM-2025", "sha256:abc", 3L, "MET", true);
            fixture.given(registered(), awarded("a-1"), certified, awarded("a-2")).andGivenCurrentTime(NOW)
                    .when(later)
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void anotherDecisionUnderTheSameIdIsAConflict() {
            var other = new CertifyEligibilityCommand(P, "cert-1", "TITLE_EVALUATION", "SENIOR", 2025,
                    LocalDate.of(2025, 12, 31), false, "IM-2025", "sha256:abc", 1L, "NOT_MET", false);
            fixture.given(registered(), awarded("a-1"), certified).andGivenCurrentTime(NOW)
                    .when(other)
                    .expectException(IdConflictException.class);
        }

        @Test
        void aDecisionCannotCiteFactsNotRecorded() {
            var ahead = new CertifyEligibilityCommand(P, "cert-2", "TITLE_EVALUATION", "INTERMEDIATE", 2025,
                    LocalDate.of(2025, 12, 31), false, "IM-2025", "sha256:abc", 7L, "MET", true);
            fixture.given(registered(), awarded("a-1")).andGivenCurrentTime(NOW)
                    .when(ahead)
                    .expectException(org.celedger.domain.InvalidFactException.class)
                    .expectNoEvents();
        }
    }

    static ProfileChanges changes(String name) {
        return new ProfileChanges(name, null, null, null, null, null, null, null, null, null, null);
    }

    static RecordConversionCommand withQuantity(RecordConversionCommand c, String quantity) {
        return new RecordConversionCommand(c.practitionerId(), c.conversionId(), c.kind(), c.date(),
                new BigDecimal(quantity), c.inRegion(), c.enrolledOn(), c.graduatedOn(), c.degree(), c.certifiedHours(),
                c.evidence());
    }

    static RecordConversionCommand withInRegion(RecordConversionCommand c, Boolean inRegion) {
        return new RecordConversionCommand(c.practitionerId(), c.conversionId(), c.kind(), c.date(), c.quantity(),
                inRegion, c.enrolledOn(), c.graduatedOn(), c.degree(), c.certifiedHours(), c.evidence());
    }

    static RecordConversionCommand degree(String id, BigDecimal certifiedHours) {
        return new RecordConversionCommand(P, id, ConversionKind.DEGREE_COMPLETED, LocalDate.of(2025, 4, 1), null,
                null, LocalDate.of(2022, 9, 1), LocalDate.of(2025, 3, 31), Degree.MASTER, certifiedHours, "证书 123");
    }
}
