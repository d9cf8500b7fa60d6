package org.celedger.domain.base;

import static org.celedger.domain.base.BaseFacts.*;
import static org.celedger.domain.base.TrainingBaseTest.rejection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.practitioner.Jurisdiction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invariant of the training base aggregate, one row each: the command is refused with an
 * {@link InvalidFactException} naming the offending field, and nothing is recorded.
 */
class TrainingBaseRejectionTest {

    static Stream<Arguments> invalidFacts() {
        var r = registerBase();
        var p = filePlan(S);
        var i = inspect("i-1", Verdict.CONFIRMED);
        return Stream.of(
                row("base id with a space", new RegisterBaseCommand("base 1", r.name(), r.level(), r.jurisdiction(),
                        r.region()), "baseId"),
                row("base name missing", new RegisterBaseCommand(B, " ", r.level(), r.jurisdiction(), r.region()),
                        "name"),
                row("base level missing", new RegisterBaseCommand(B, r.name(), null, r.jurisdiction(), r.region()),
                        "level"),
                row("base jurisdiction missing", new RegisterBaseCommand(B, r.name(), r.level(), null, r.region()),
                        "jurisdiction"),
                row("base region missing", new RegisterBaseCommand(B, r.name(), r.level(), Jurisdiction.NX, null),
                        "region"),

                registered("status change id missing", new ChangeBaseStatusCommand(B, null, BaseStatus.WARNED, "x"),
                        "changeId"),
                registered("status missing", new ChangeBaseStatusCommand(B, "c-1", null, "x"), "status"),
                registered("status change without reason", new ChangeBaseStatusCommand(B, "c-1", BaseStatus.WARNED,
                        ""), "reason"),

                registered("session id missing", plan(p, null, p.startDate(), p.endDate(), p.capacity()), "sessionId"),
                registered("session id with a slash", plan(p, "s/1", p.startDate(), p.endDate(), p.capacity()),
                        "sessionId"),
                registered("start date missing", plan(p, S, null, p.endDate(), p.capacity()), "startDate"),
                registered("start date before 1980", plan(p, S, LocalDate.of(1979, 12, 31), p.endDate(),
                        p.capacity()), "startDate"),
                registered("start date two years ahead", plan(p, S, LocalDate.of(2028, 1, 1),
                        LocalDate.of(2028, 1, 2), p.capacity()), "startDate"),
                registered("end date missing", plan(p, S, p.startDate(), null, p.capacity()), "endDate"),
                registered("end before start", plan(p, S, p.startDate(), p.startDate().minusDays(1), p.capacity()),
                        "endDate"),
                registered("session longer than a year", plan(p, S, p.startDate(), p.startDate().plusDays(366),
                        p.capacity()), "endDate"),
                registered("capacity missing", plan(p, S, p.startDate(), p.endDate(), null), "capacity"),
                registered("capacity zero", plan(p, S, p.startDate(), p.endDate(), 0), "capacity"),
                registered("capacity absurd", plan(p, S, p.startDate(), p.endDate(), 1_000_000), "capacity"),
                registered("title missing", new FileSessionPlanCommand(B, S, null, p.category(), p.mode(),
                        p.startDate(), p.endDate(), p.location(), 40), "title"),
                registered("category missing", new FileSessionPlanCommand(B, S, p.title(), null, p.mode(),
                        p.startDate(), p.endDate(), p.location(), 40), "category"),
                registered("mode missing", new FileSessionPlanCommand(B, S, p.title(), p.category(), null,
                        p.startDate(), p.endDate(), p.location(), 40), "mode"),
                registered("location missing", new FileSessionPlanCommand(B, S, p.title(), p.category(), p.mode(),
                        p.startDate(), p.endDate(), "", 40), "location"),

                registered("roster without entries", new SubmitRosterCommand(B, S, List.of()), "entries"),
                registered("roster with no entry list", new SubmitRosterCommand(B, S, null), "entries"),
                registered("roster too large for one submission", new SubmitRosterCommand(B, S,
                        Collections.nCopies(5_001, entry("p-1", "8"))), "entries"),
                registered("roster for a malformed session id", new SubmitRosterCommand(B, "s 1",
                        List.of(entry("p-1", "8"))), "sessionId"),

                planned("inspection id missing", inspection(i, null, i.date(), i.observedHeadcount(),
                        i.observedHours(), i.verdict(), i.notes()), "inspectionId"),
                planned("inspector missing", new RecordInspectionCommand(B, S, "i-1", null, i.date(),
                        i.observedHeadcount(), i.observedHours(), i.verdict(), i.notes()), "inspector"),
                planned("inspection date missing", inspection(i, "i-1", null, i.observedHeadcount(),
                        i.observedHours(), i.verdict(), i.notes()), "date"),
                planned("inspection in the future", inspection(i, "i-1", TODAY.plusDays(1), i.observedHeadcount(),
                        i.observedHours(), i.verdict(), i.notes()), "date"),
                planned("negative headcount", inspection(i, "i-1", i.date(), -1, i.observedHours(), i.verdict(),
                        i.notes()), "observedHeadcount"),
                planned("observed hours with two decimals", inspection(i, "i-1", i.date(), 12,
                        new BigDecimal("7.25"), i.verdict(), i.notes()), "observedHours"),
                planned("negative observed hours", inspection(i, "i-1", i.date(), 12, new BigDecimal("-1"),
                        i.verdict(), i.notes()), "observedHours"),
                planned("verdict missing", inspection(i, "i-1", i.date(), 12, i.observedHours(), null, i.notes()),
                        "verdict"),
                planned("falsified without notes", inspection(i, "i-1", i.date(), 12, i.observedHours(),
                        Verdict.FALSIFIED, " "), "notes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFacts")
    void refusesAnInvalidFactNamingTheField(String description, List<Object> history, Object command, String field) {
        new AggregateTestFixture<>(TrainingBase.class)
                .given(history).andGivenCurrentTime(NOW)
                .when(command)
                .expectException(rejection(InvalidFactException.class, field))
                .expectNoEvents();
    }

    private static Arguments row(String description, Object command, String field) {
        return Arguments.of(description, List.of(), command, field);
    }

    private static Arguments registered(String description, Object command, String field) {
        return Arguments.of(description, List.of(baseRegistered()), command, field);
    }

    private static Arguments planned(String description, Object command, String field) {
        return Arguments.of(description, new ArrayList<>(List.of(baseRegistered(), planFiled(S))), command, field);
    }

    private static FileSessionPlanCommand plan(FileSessionPlanCommand p, String sessionId, LocalDate start,
                                               LocalDate end, Integer capacity) {
        return new FileSessionPlanCommand(B, sessionId, p.title(), p.category(), p.mode(), start, end, p.location(),
                capacity);
    }

    private static RecordInspectionCommand inspection(RecordInspectionCommand i, String inspectionId, LocalDate date,
                                                      Integer headcount, BigDecimal hours, Verdict verdict,
                                                      String notes) {
        return new RecordInspectionCommand(B, S, inspectionId, i.inspector(), date, headcount, hours, verdict, notes);
    }
}
