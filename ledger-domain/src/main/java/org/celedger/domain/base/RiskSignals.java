package org.celedger.domain.base;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The risk signals of one session (RULES.md §8, "Risk signals that weight a random check"), computed by the
 * rule set serving the session's year: the caller passes that rule set's {@link FilingDeadlines}. A pure
 * function: the read side recomputes it whenever a plan, a roster or a neighbouring session changes.
 *
 * <p>Without a plan, only {@link RiskSignal#PLAN_MISSING} can be judged: the dates, the mode and the
 * capacity the other signals compare against are unknown.
 */
public final class RiskSignals {

    /** Most hours one in-person day can carry: I-11 (half a day = 4 h, {@code IM-MEASURES-2017 第十条}). */
    public static final BigDecimal HOURS_PER_IN_PERSON_DAY = new BigDecimal("8");
    static final String HOURS_CITATION = "I-11, IM-MEASURES-2017 第十条";
    static final String SUPERVISION_CITATION = "RULES.md §8, IM-2022 五(一)";
    /** How many practitioner ids a detail names before it abbreviates. */
    private static final int NAMED = 5;

    private RiskSignals() {
    }

    /**
     * The signals of a session, in the order of {@link RiskSignal}.
     *
     * @param plan         the filed plan, or null
     * @param roster       the roster, or null when none was reported
     * @param deadlines    the deadlines of the rule set serving the session's year
     * @param doubleBooked the practitioners also on another in-person session on an overlapping day
     *                     ({@link DoubleBookings}); considered only for an in-person session
     */
    public static List<RiskFinding> of(SessionPlanFiled plan, SessionRoster roster, FilingDeadlines deadlines,
                                       Set<String> doubleBooked) {
        List<RiskFinding> findings = new ArrayList<>();
        Integer planDays = deadlines.planDaysBefore();
        if (plan == null) {
            if (planDays != null) {
                findings.add(new RiskFinding(RiskSignal.PLAN_MISSING, "no plan was filed for the session",
                        deadlines.planCitation()));
            }
            return findings;
        }
        long daysBefore = plan.startDate().toEpochDay() - plan.filedOn().toEpochDay();
        if (planDays != null && daysBefore < planDays) {
            findings.add(new RiskFinding(RiskSignal.PLAN_LATE, "plan filed on " + plan.filedOn() + ", "
                    + relative(daysBefore, "before") + " the start on " + plan.startDate() + "; at least " + planDays
                    + " days before are asked", deadlines.planCitation()));
        }
        if (roster == null) {
            return findings;
        }
        Integer rosterDays = deadlines.rosterDaysAfter();
        long daysAfter = roster.submittedOn().toEpochDay() - plan.endDate().toEpochDay();
        if (rosterDays != null && daysAfter > rosterDays) {
            findings.add(new RiskFinding(RiskSignal.ROSTER_LATE, "roster reported on " + roster.submittedOn() + ", "
                    + daysAfter + " days after the end on " + plan.endDate() + "; at most " + rosterDays
                    + " days after are asked", deadlines.rosterCitation()));
        }
        int headcount = roster.entries().size();
        if (headcount > plan.capacity()) {
            findings.add(new RiskFinding(RiskSignal.OVER_CAPACITY, headcount + " practitioners on the roster, "
                    + "the plan was filed for " + plan.capacity(), SUPERVISION_CITATION));
        }
        if (plan.mode() == SessionMode.IN_PERSON) {
            BigDecimal most = HOURS_PER_IN_PERSON_DAY.multiply(BigDecimal.valueOf(plan.days()));
            List<RosterEntry> over = roster.entries().stream().filter(e -> e.hours().compareTo(most) > 0).toList();
            if (!over.isEmpty()) {
                BigDecimal highest = over.stream().map(RosterEntry::hours).max(BigDecimal::compareTo).orElseThrow();
                findings.add(new RiskFinding(RiskSignal.HOURS_EXCEED_DAYS, over.size() + " of "
                        + participants(headcount) + " credited more than " + most.toPlainString() + " h (8 h × "
                        + plan.days() + " in-person days), up to " + highest.stripTrailingZeros().toPlainString()
                        + " h", HOURS_CITATION));
            }
            List<String> booked = roster.entries().stream().map(RosterEntry::practitionerId)
                    .filter(doubleBooked::contains).sorted().toList();
            if (!booked.isEmpty()) {
                findings.add(new RiskFinding(RiskSignal.DOUBLE_BOOKED, participants(booked.size()) + " also on "
                        + "another in-person session on the same day: " + named(booked), SUPERVISION_CITATION));
            }
        }
        return findings;
    }

    /** The signals alone, for a {@link SampleCandidate}. */
    public static List<RiskSignal> signals(List<RiskFinding> findings) {
        return findings.stream().map(RiskFinding::signal).distinct().sorted().toList();
    }

    private static String relative(long days, String direction) {
        if (days == 0) {
            return "the same day as";
        }
        return days > 0 ? days + " days " + direction : -days + " days after";
    }

    private static String participants(long n) {
        return n + (n == 1 ? " participant" : " participants");
    }

    private static String named(List<String> ids) {
        return ids.size() <= NAMED ? String.join(", ", ids)
                : ids.stream().limit(NAMED).collect(Collectors.joining(", ")) + " and " + (ids.size() - NAMED)
                + " more";
    }
}
