package org.celedger.domain.base;

import static org.celedger.domain.base.BaseFacts.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.DomainRejection;
import org.celedger.domain.IdConflictException;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.UnknownFactException;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.practitioner.Category;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every command of the training base aggregate: what it records, and what a retry of it does. */
class TrainingBaseTest {

    private AggregateTestFixture<TrainingBase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrainingBase.class);
    }

    @Nested
    class Registration {
        @Test
        void registersABase() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(registerBase())
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(baseRegistered());
        }

        @Test
        void theSameRegistrationAgainIsADuplicate() {
            fixture.given(baseRegistered()).andGivenCurrentTime(NOW)
                    .when(registerBase())
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void anotherBaseUnderTheSameIdIsAConflict() {
            var c = registerBase();
            fixture.given(baseRegistered()).andGivenCurrentTime(NOW)
                    .when(new RegisterBaseCommand(B, c.name(), BaseLevel.NATIONAL, c.jurisdiction(), c.region()))
                    .expectException(rejection(IdConflictException.class, "baseId"))
                    .expectNoEvents();
        }

        @Test
        void aCommandForAnUnregisteredBaseFindsNoAggregate() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(filePlan(S))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Status {
        @Test
        void warnsABaseRecordingTheStatusItLeft() {
            fixture.given(baseRegistered()).andGivenCurrentTime(NOW)
                    .when(new ChangeBaseStatusCommand(B, "c-1", BaseStatus.WARNED, "第三十二条"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WARNED));
        }

        @Test
        void reinstatesAWithdrawnBase() {
            fixture.given(baseRegistered(), statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WITHDRAWN))
                    .andGivenCurrentTime(NOW)
                    .when(new ChangeBaseStatusCommand(B, "c-2", BaseStatus.ACTIVE, "第三十二条"))
                    .expectEvents(statusChanged("c-2", BaseStatus.WITHDRAWN, BaseStatus.ACTIVE));
        }

        @Test
        void aRetriedChangeIsADuplicateEvenAfterLaterChanges() {
            fixture.given(baseRegistered(), statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WARNED),
                            statusChanged("c-2", BaseStatus.WARNED, BaseStatus.SUSPENDED))
                    .andGivenCurrentTime(NOW)
                    .when(new ChangeBaseStatusCommand(B, "c-1", BaseStatus.WARNED, "第三十二条"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void anotherChangeUnderAUsedIdIsAConflict() {
            fixture.given(baseRegistered(), statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WARNED))
                    .andGivenCurrentTime(NOW)
                    .when(new ChangeBaseStatusCommand(B, "c-1", BaseStatus.SUSPENDED, "第三十二条"))
                    .expectException(rejection(IdConflictException.class, "changeId"))
                    .expectNoEvents();
        }

        @Test
        void aChangeToTheCurrentStatusIsRefused() {
            fixture.given(baseRegistered()).andGivenCurrentTime(NOW)
                    .when(new ChangeBaseStatusCommand(B, "c-1", BaseStatus.ACTIVE, "复核"))
                    .expectException(rejection(StateConflictException.class, "status"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Plans {
        @Test
        void filesAPlanDatedToday() {
            fixture.given(baseRegistered()).andGivenCurrentTime(NOW)
                    .when(filePlan(S))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(planFiled(S, TODAY));
        }

        @Test
        void theFilingDateIsTheDateInChinaNotInUtc() {
            // 2026-05-31T17:30Z is already 1 June in Asia/Shanghai.
            fixture.given(baseRegistered()).andGivenCurrentTime(Instant.parse("2026-05-31T17:30:00Z"))
                    .when(filePlan(S))
                    .expectEvents(planFiled(S, TODAY));
        }

        @Test
        void theSamePlanFiledAgainOnALaterDayIsADuplicate() {
            fixture.given(baseRegistered(), planFiled(S)).andGivenCurrentTime(NOW)
                    .when(filePlan(S))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void anotherPlanUnderAUsedSessionIdIsAConflict() {
            var c = filePlan(S);
            fixture.given(baseRegistered(), planFiled(S)).andGivenCurrentTime(NOW)
                    .when(new FileSessionPlanCommand(B, S, c.title(), c.category(), c.mode(), c.startDate(),
                            c.endDate(), c.location(), 60))
                    .expectException(rejection(IdConflictException.class, "sessionId"))
                    .expectNoEvents();
        }

        @Test
        void aWarnedBaseStillFilesPlans() {
            fixture.given(baseRegistered(), statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WARNED))
                    .andGivenCurrentTime(NOW)
                    .when(filePlan(S))
                    .expectEvents(planFiled(S, TODAY));
        }

        @Test
        void aWithdrawnBaseFilesNoPlan() {
            fixture.given(baseRegistered(), statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WITHDRAWN))
                    .andGivenCurrentTime(NOW)
                    .when(filePlan(S))
                    .expectException(rejection(StateConflictException.class, "baseId"))
                    .expectNoEvents();
        }

        @Test
        void aSuspendedBaseFilesNoPlan() {
            fixture.given(baseRegistered(), statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.SUSPENDED))
                    .andGivenCurrentTime(NOW)
                    .when(filePlan(S))
                    .expectException(rejection(StateConflictException.class, "baseId"))
                    .expectNoEvents();
        }

        @Test
        void aRetryOfAPlanFiledBeforeTheWithdrawalIsStillADuplicate() {
            fixture.given(baseRegistered(), planFiled(S),
                            statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WITHDRAWN))
                    .andGivenCurrentTime(NOW)
                    .when(filePlan(S))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void aPlanMayBeFiledLateForASessionKnownFromItsRoster() {
            fixture.given(baseRegistered(), new RosterSubmitted(B, S, List.of(entry("p-1", "24.0")), TODAY, TODAY))
                    .andGivenCurrentTime(NOW)
                    .when(filePlan(S))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(planFiled(S, TODAY));
        }
    }

    @Nested
    class Rosters {
        @Test
        void acceptsEveryRowCompletedOnThePlansEndDate() {
            fixture.given(baseRegistered(), planFiled(S)).andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "24"), entry("p-2", "12.5")))
                    .expectResultMessagePayload(new RosterResult(List.of(RowOutcome.accepted(0, "p-1"),
                            RowOutcome.accepted(1, "p-2"))))
                    .expectEvents(new RosterSubmitted(B, S, List.of(entry("p-1", "24.0"), entry("p-2", "12.5")),
                            TODAY, LocalDate.of(2026, 3, 12)));
        }

        @Test
        void judgesEachRowOnItsOwn() {
            var earlier = new RosterSubmitted(B, S, List.of(entry("p-1", "24.0"), entry("p-2", "24.0")),
                    LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 12));
            fixture.given(baseRegistered(), planFiled(S), earlier).andGivenCurrentTime(NOW)
                    .when(roster(S,
                            entry("p-1", "24.00"),                                       // same row again
                            entry("p-2", "20"),                                          // other hours
                            new RosterEntry("p-1", "王芳", new BigDecimal("24"), Category.PUBLIC), // other category
                            entry("p-3", "-1"),                                          // invalid
                            entry("p-4", "16"),                                          // new
                            entry("p-4", "16.0"),                                        // repeated in the command
                            entry("p-4", "8"),                                           // contradicted in the command
                            null))
                    .expectResultMessagePayload(new RosterResult(List.of(
                            RowOutcome.duplicate(0, "p-1"),
                            RowOutcome.conflict(1, "p-2", "hours",
                                    "practitioner p-2 is already on the roster with 24.0 h PROFESSIONAL"),
                            RowOutcome.conflict(2, "p-1", "category",
                                    "practitioner p-1 is already on the roster with 24.0 h PROFESSIONAL"),
                            RowOutcome.invalid(3, "p-3", "hours", "hours must be positive, not -1"),
                            RowOutcome.accepted(4, "p-4"),
                            RowOutcome.duplicate(5, "p-4"),
                            RowOutcome.conflict(6, "p-4", "hours",
                                    "practitioner p-4 is already on the roster with 16.0 h PROFESSIONAL"),
                            RowOutcome.invalid(7, null, "entry", "entry is required"))))
                    .expectEvents(new RosterSubmitted(B, S, List.of(entry("p-4", "16.0")), TODAY,
                            LocalDate.of(2026, 3, 12)));
        }

        @Test
        void aResubmittedRosterDoublesNothing() {
            var earlier = new RosterSubmitted(B, S, List.of(entry("p-1", "24.0"), entry("p-2", "24.0")),
                    LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 12));
            fixture.given(baseRegistered(), planFiled(S), earlier).andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "24"), new RosterEntry("p-2", "李明", new BigDecimal("24"),
                            Category.PROFESSIONAL)))
                    .expectResultMessagePayload(new RosterResult(List.of(RowOutcome.duplicate(0, "p-1"),
                            RowOutcome.duplicate(1, "p-2"))))
                    .expectNoEvents();
        }

        @Test
        void aRosterWithoutAPlanCreatesTheSessionCompletedOnTheDayItIsReported() {
            fixture.given(baseRegistered()).andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "8")))
                    .expectResultMessagePayload(new RosterResult(List.of(RowOutcome.accepted(0, "p-1"))))
                    .expectEvents(new RosterSubmitted(B, S, List.of(entry("p-1", "8.0")), TODAY, TODAY));
        }

        @Test
        void aSuspendedBaseStillReportsTheRosterOfASessionHeld() {
            fixture.given(baseRegistered(), planFiled(S),
                            statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.SUSPENDED))
                    .andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "24")))
                    .expectEvents(new RosterSubmitted(B, S, List.of(entry("p-1", "24.0")), TODAY,
                            LocalDate.of(2026, 3, 12)));
        }

        @Test
        void aWithdrawnBaseReportsNoRoster() {
            fixture.given(baseRegistered(), planFiled(S),
                            statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WITHDRAWN))
                    .andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "24")))
                    .expectException(rejection(StateConflictException.class, "baseId"))
                    .expectNoEvents();
        }

        @Test
        void aRetriedRosterOfAWithdrawnBaseIsStillAnsweredRowByRow() {
            fixture.given(baseRegistered(), planFiled(S),
                            new RosterSubmitted(B, S, List.of(entry("p-1", "24.0")), TODAY, LocalDate.of(2026, 3, 12)),
                            statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WITHDRAWN))
                    .andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "24")))
                    .expectResultMessagePayload(new RosterResult(List.of(RowOutcome.duplicate(0, "p-1"))))
                    .expectNoEvents();
        }

        @Test
        void aFalsifiedSessionTakesNoMoreRows() {
            fixture.given(baseRegistered(), planFiled(S), inspected("i-1", Verdict.FALSIFIED),
                            new SessionFalsified(B, S, "i-1", List.of(), "签到表与现场人数不符"))
                    .andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "24")))
                    .expectException(rejection(StateConflictException.class, "sessionId"))
                    .expectNoEvents();
        }

        @Test
        void aSessionThatHasNotEndedHasNoRosterYet() {
            var c = filePlan(S);
            fixture.given(baseRegistered(), new SessionPlanFiled(B, S, c.title(), c.category(), c.mode(),
                            LocalDate.of(2026, 5, 30), LocalDate.of(2026, 6, 2), c.location(), 40, LocalDate.of(2026, 5, 1)))
                    .andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "24")))
                    .expectException(rejection(StateConflictException.class, "sessionId"))
                    .expectNoEvents();
        }

        @Test
        void aRosterOnTheLastDayOfTheSessionIsOnTime() {
            var c = filePlan(S);
            fixture.given(baseRegistered(), new SessionPlanFiled(B, S, c.title(), c.category(), c.mode(),
                            LocalDate.of(2026, 5, 30), TODAY, c.location(), 40, LocalDate.of(2026, 5, 1)))
                    .andGivenCurrentTime(NOW)
                    .when(roster(S, entry("p-1", "24")))
                    .expectEvents(new RosterSubmitted(B, S, List.of(entry("p-1", "24.0")), TODAY, TODAY));
        }

        private final RosterSubmitted onTheRoster = new RosterSubmitted(B, S, List.of(entry("p-1", "24.0")),
                LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 12));

        @Test
        void aRowWhoseCreditWasRefusedSaysSoOnce() {
            fixture.given(baseRegistered(), planFiled(S), onTheRoster).andGivenCurrentTime(NOW)
                    .when(new RecordRosterCreditRefusalCommand(B, S, "p-1", "awardId s-1/p-1 was already used"))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(new RosterCreditRefused(B, S, "p-1", "s-1/p-1", "awardId s-1/p-1 was already used"));
        }

        @Test
        void aSecondRefusalOfTheSameRowIsADuplicateWhateverItsReason() {
            fixture.given(baseRegistered(), planFiled(S), onTheRoster,
                            new RosterCreditRefused(B, S, "p-1", "s-1/p-1", "first"))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordRosterCreditRefusalCommand(B, S, "p-1", "second"))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void aSessionFiledOrReportedIsConfirmedAndRecordsNothing() {
            fixture.given(baseRegistered(), planFiled(S)).andGivenCurrentTime(NOW)
                    .when(new ConfirmSessionCommand(B, S))
                    .expectResultMessagePayload(true)
                    .expectNoEvents();
            fixture.given(baseRegistered(), onTheRoster).andGivenCurrentTime(NOW)
                    .when(new ConfirmSessionCommand(B, S))
                    .expectResultMessagePayload(true)
                    .expectNoEvents();
        }

        @Test
        void aSessionTheBaseNeverHadIsRefusedNamingTheField() {
            fixture.given(baseRegistered(), planFiled(S)).andGivenCurrentTime(NOW)
                    .when(new ConfirmSessionCommand(B, "s-of-another-base"))
                    .expectException(rejection(InvalidFactException.class, "sessionId"))
                    .expectNoEvents();
        }

        @Test
        void onlyARowOnTheRosterCanBeRefused() {
            fixture.given(baseRegistered(), planFiled(S), onTheRoster).andGivenCurrentTime(NOW)
                    .when(new RecordRosterCreditRefusalCommand(B, S, "p-9", "no"))
                    .expectException(rejection(UnknownFactException.class, "practitionerId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Inspections {
        private final RosterSubmitted rostered = new RosterSubmitted(B, S,
                List.of(entry("p-2", "24.0"), entry("p-1", "24.0")), LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 12));

        @Test
        void recordsAConfirmedInspection() {
            fixture.given(baseRegistered(), planFiled(S), rostered).andGivenCurrentTime(NOW)
                    .when(inspect("i-1", Verdict.CONFIRMED))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(inspected("i-1", Verdict.CONFIRMED));
        }

        @Test
        void aFalsifiedSessionNamesEveryPractitionerOnItsRosterInRosterOrder() {
            fixture.given(baseRegistered(), planFiled(S), rostered,
                            new RosterSubmitted(B, S, List.of(entry("p-3", "24.0")), LocalDate.of(2026, 3, 20),
                                    LocalDate.of(2026, 3, 12)))
                    .andGivenCurrentTime(NOW)
                    .when(inspect("i-1", Verdict.FALSIFIED))
                    .expectResultMessagePayload(WriteOutcome.ACCEPTED)
                    .expectEvents(inspected("i-1", Verdict.FALSIFIED),
                            new SessionFalsified(B, S, "i-1", List.of("p-2", "p-1", "p-3"), "签到表与现场人数不符"));
        }

        @Test
        void aSecondFalsifiedVerdictFalsifiesNothingAgain() {
            fixture.given(baseRegistered(), planFiled(S), rostered, inspected("i-1", Verdict.FALSIFIED),
                            new SessionFalsified(B, S, "i-1", List.of("p-2", "p-1"), "签到表与现场人数不符"))
                    .andGivenCurrentTime(NOW)
                    .when(inspect("i-2", Verdict.FALSIFIED))
                    .expectEvents(new SessionInspected(B, S, "i-2", "自治区人社厅专技处", LocalDate.of(2026, 5, 20), 12,
                            new BigDecimal("24.0"), Verdict.FALSIFIED, "签到表与现场人数不符"));
        }

        @Test
        void aRetriedInspectionIsADuplicate() {
            fixture.given(baseRegistered(), planFiled(S), rostered, inspected("i-1", Verdict.FALSIFIED),
                            new SessionFalsified(B, S, "i-1", List.of("p-2", "p-1"), "签到表与现场人数不符"))
                    .andGivenCurrentTime(NOW)
                    .when(inspect("i-1", Verdict.FALSIFIED))
                    .expectResultMessagePayload(WriteOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void anotherInspectionUnderAUsedIdIsAConflict() {
            fixture.given(baseRegistered(), planFiled(S), inspected("i-1", Verdict.CONFIRMED))
                    .andGivenCurrentTime(NOW)
                    .when(inspect("i-1", Verdict.DISCREPANCY))
                    .expectException(rejection(IdConflictException.class, "inspectionId"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownSessionCannotBeInspected() {
            fixture.given(baseRegistered()).andGivenCurrentTime(NOW)
                    .when(inspect("i-1", Verdict.CONFIRMED))
                    .expectException(rejection(UnknownFactException.class, "sessionId"))
                    .expectNoEvents();
        }

        @Test
        void aSessionKnownOnlyFromItsRosterCanBeInspected() {
            fixture.given(baseRegistered(), rostered).andGivenCurrentTime(NOW)
                    .when(inspect("i-1", Verdict.FALSIFIED))
                    .expectEvents(inspected("i-1", Verdict.FALSIFIED),
                            new SessionFalsified(B, S, "i-1", List.of("p-2", "p-1"), "签到表与现场人数不符"));
        }

        @Test
        void aWithdrawnBaseIsStillInspected() {
            fixture.given(baseRegistered(), planFiled(S), statusChanged("c-1", BaseStatus.ACTIVE, BaseStatus.WITHDRAWN))
                    .andGivenCurrentTime(NOW)
                    .when(inspect("i-1", Verdict.DISCREPANCY))
                    .expectEvents(inspected("i-1", Verdict.DISCREPANCY));
        }

        @Test
        void anInspectionObservingNothingIsRecordedAsSuch() {
            fixture.given(baseRegistered(), planFiled(S)).andGivenCurrentTime(NOW)
                    .when(new RecordInspectionCommand(B, S, "i-1", "专技处", LocalDate.of(2026, 5, 20), null, null,
                            Verdict.CONFIRMED, null))
                    .expectEvents(new SessionInspected(B, S, "i-1", "专技处", LocalDate.of(2026, 5, 20), null, null,
                            Verdict.CONFIRMED, null));
        }
    }

    /** A rejection of the given type naming the given field. */
    static Matcher<Throwable> rejection(Class<? extends DomainRejection> type, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return type.isInstance(e) && field.equals(((DomainRejection) e).field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName() + " naming field ").appendValue(field);
            }
        };
    }

}
