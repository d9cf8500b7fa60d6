package org.celedger.domain.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.base.BaseFacts.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.celedger.domain.practitioner.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The risk signals of RULES.md §8, one row per cell of its table and per signal of its list. */
class RiskSignalsTest {

    // RULES.md §8, rows "plan filed before start" and "roster / report after end", one rule set per column.
    static final FilingDeadlines IM_2017 = new FilingDeadlines(0, "IM-2017 二(七)2", null, null);
    static final FilingDeadlines IM_2022 = new FilingDeadlines(14, "IM-2022 四(二)1", 14, "IM-2022 四(二)2");
    static final FilingDeadlines IM_2025 = new FilingDeadlines(14, "IM-2025 一(六)1", 14, "IM-2025 一(六)1");
    static final FilingDeadlines NX_2022 = FilingDeadlines.NONE;

    /** In person, 10–12 March 2026 (3 days, so at most 24 h), capacity 3. */
    private static final LocalDate START = LocalDate.of(2026, 3, 10);
    private static final LocalDate END = LocalDate.of(2026, 3, 12);

    static Stream<Arguments> sessions() {
        var onTime = plan(START.minusDays(14), SessionMode.IN_PERSON, START, END, 3);
        var twoRows = roster(END.plusDays(14), "24", "24");
        return Stream.of(
                // plan filed before start
                row("IM-2017: filed on the start day is before start", IM_2017,
                        plan(START, SessionMode.IN_PERSON, START, END, 3), null, Set.of()),
                row("IM-2017: filed the day after the start", IM_2017,
                        plan(START.plusDays(1), SessionMode.IN_PERSON, START, END, 3), null, Set.of(),
                        RiskSignal.PLAN_LATE),
                row("IM-2022: filed 14 days before", IM_2022, onTime, null, Set.of()),
                row("IM-2022: filed 13 days before", IM_2022,
                        plan(START.minusDays(13), SessionMode.IN_PERSON, START, END, 3), null, Set.of(),
                        RiskSignal.PLAN_LATE),
                row("IM-2025: filed 13 days before", IM_2025,
                        plan(START.minusDays(13), SessionMode.IN_PERSON, START, END, 3), null, Set.of(),
                        RiskSignal.PLAN_LATE),
                row("NX-2022: no plan rule, filing after the end is no signal", NX_2022,
                        plan(END.plusDays(30), SessionMode.IN_PERSON, START, END, 3), null, Set.of()),
                row("IM-2017: no plan", IM_2017, null, twoRows, Set.of(), RiskSignal.PLAN_MISSING),
                row("IM-2025: no plan", IM_2025, null, twoRows, Set.of(), RiskSignal.PLAN_MISSING),
                row("NX-2022: no plan, and none asked", NX_2022, null, twoRows, Set.of()),

                // roster / report after end
                row("IM-2022: roster 14 days after the end", IM_2022, onTime, twoRows, Set.of()),
                row("IM-2022: roster 15 days after the end", IM_2022, onTime, roster(END.plusDays(15), "24"),
                        Set.of(), RiskSignal.ROSTER_LATE),
                row("IM-2025: roster 15 days after the end", IM_2025, onTime, roster(END.plusDays(15), "24"),
                        Set.of(), RiskSignal.ROSTER_LATE),
                row("IM-2017: roster with the audit, months later", IM_2017, onTime, roster(END.plusDays(200), "24"),
                        Set.of()),
                row("NX-2022: roster months later", NX_2022, onTime, roster(END.plusDays(200), "24"), Set.of()),

                // headcount above the filed capacity
                row("three on a roster for three", IM_2022, onTime, roster(END, "24", "24", "24"), Set.of()),
                row("four on a roster for three", IM_2022, onTime, roster(END, "24", "24", "24", "24"), Set.of(),
                        RiskSignal.OVER_CAPACITY),

                // I-11: at most 8 h per in-person day
                row("24 h in three in-person days", IM_2022, onTime, roster(END, "24", "12"), Set.of()),
                row("24.5 h in three in-person days", IM_2022, onTime, roster(END, "24.5", "12"), Set.of(),
                        RiskSignal.HOURS_EXCEED_DAYS),
                row("8.1 h in a one-day session", IM_2022, plan(START.minusDays(20), SessionMode.IN_PERSON, START,
                        START, 3), roster(START, "8.1"), Set.of(), RiskSignal.HOURS_EXCEED_DAYS),
                row("40 h online in three days", IM_2022, plan(START.minusDays(20), SessionMode.ONLINE, START, END,
                        3), roster(END, "40"), Set.of()),

                // one practitioner on two in-person sessions the same day
                row("a participant booked elsewhere the same day", IM_2022, onTime, roster(END, "24", "24"),
                        Set.of("p-2"), RiskSignal.DOUBLE_BOOKED),
                row("someone booked elsewhere who is not on this roster", IM_2022, onTime, roster(END, "24"),
                        Set.of("p-9"), new RiskSignal[0]),
                row("an online session is never double-booked", IM_2022, plan(START.minusDays(20),
                        SessionMode.ONLINE, START, END, 3), roster(END, "24"), Set.of("p-1")),

                row("everything at once", IM_2022,
                        plan(START.minusDays(1), SessionMode.IN_PERSON, START, END, 1),
                        roster(END.plusDays(30), "30", "8"), Set.of("p-1"),
                        RiskSignal.PLAN_LATE, RiskSignal.ROSTER_LATE, RiskSignal.OVER_CAPACITY,
                        RiskSignal.HOURS_EXCEED_DAYS, RiskSignal.DOUBLE_BOOKED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void signalsOfASession(String description, FilingDeadlines deadlines, SessionPlanFiled plan, SessionRoster roster,
                           Set<String> doubleBooked, List<RiskSignal> expected) {
        List<RiskFinding> findings = RiskSignals.of(plan, roster, deadlines, doubleBooked);
        assertThat(findings).extracting(RiskFinding::signal).containsExactlyElementsOf(expected);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.detail()).isNotBlank();
            assertThat(f.citation()).isNotBlank();
        });
    }

    @Test
    void detailsSayWhatWasFoundAndCiteTheRuleSetsClause() {
        var findings = RiskSignals.of(plan(START.minusDays(9), SessionMode.IN_PERSON, START, END, 1),
                roster(END.plusDays(20), "30", "8"), IM_2022, Set.of("p-1"));
        assertThat(findings).containsExactly(
                new RiskFinding(RiskSignal.PLAN_LATE, "plan filed on 2026-03-01, 9 days before the start on "
                        + "2026-03-10; at least 14 days before are asked", "IM-2022 四(二)1"),
                new RiskFinding(RiskSignal.ROSTER_LATE, "roster reported on 2026-04-01, 20 days after the end on "
                        + "2026-03-12; at most 14 days after are asked", "IM-2022 四(二)2"),
                new RiskFinding(RiskSignal.OVER_CAPACITY, "2 practitioners on the roster, the plan was filed for 1",
                        "RULES.md §8, IM-2022 五(一)"),
                new RiskFinding(RiskSignal.HOURS_EXCEED_DAYS, "1 of 2 participants credited more than 24 h "
                        + "(8 h × 3 in-person days), up to 30 h", "I-11, IM-MEASURES-2017 第十条"),
                new RiskFinding(RiskSignal.DOUBLE_BOOKED, "1 participant also on another in-person session on the "
                        + "same day: p-1", "RULES.md §8, IM-2022 五(一)"));
        assertThat(RiskSignals.signals(findings)).containsExactly(RiskSignal.PLAN_LATE, RiskSignal.ROSTER_LATE,
                RiskSignal.OVER_CAPACITY, RiskSignal.HOURS_EXCEED_DAYS, RiskSignal.DOUBLE_BOOKED);
    }

    @Test
    void doubleBookingsAreFoundAcrossBasesOnOverlappingDaysOnly() {
        var a = new InPersonAttendance(new SessionKey("base-1", "s-1"), START, END, Set.of("p-1", "p-2", "p-3"));
        var b = new InPersonAttendance(new SessionKey("base-2", "s-1"), END, END.plusDays(1), Set.of("p-1", "p-4"));
        var c = new InPersonAttendance(new SessionKey("base-3", "s-7"), END.plusDays(1), END.plusDays(2),
                Set.of("p-2", "p-4"));
        assertThat(DoubleBookings.find(List.of(a, b, c))).isEqualTo(Map.of(
                a.session(), Set.of("p-1"),
                b.session(), Set.of("p-1", "p-4"),
                c.session(), Set.of("p-4")));
        assertThat(DoubleBookings.find(List.of(a, a))).isEmpty();
    }

    private static Arguments row(String description, FilingDeadlines deadlines, SessionPlanFiled plan,
                                 SessionRoster roster, Set<String> doubleBooked, RiskSignal... expected) {
        return Arguments.of(description, deadlines, plan, roster, doubleBooked, List.of(expected));
    }

    private static SessionPlanFiled plan(LocalDate filedOn, SessionMode mode, LocalDate start, LocalDate end,
                                         int capacity) {
        return new SessionPlanFiled(B, S, "工程伦理专题研修", Category.PROFESSIONAL, mode, start, end, "呼和浩特市",
                capacity, filedOn);
    }

    /** A roster of p-1, p-2, … with the given hours. */
    private static SessionRoster roster(LocalDate submittedOn, String... hours) {
        var entries = new ArrayList<RosterEntry>();
        for (int i = 0; i < hours.length; i++) {
            entries.add(entry("p-" + (i + 1), hours[i]));
        }
        return new SessionRoster(Collections.unmodifiableList(entries), submittedOn);
    }
}
