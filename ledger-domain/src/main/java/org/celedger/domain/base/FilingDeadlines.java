package org.celedger.domain.base;

/**
 * The filing deadlines of the rule set serving a session's year (RULES.md §8), with the clauses they come
 * from; the rule sets hold the values, {@link RiskSignals} applies them.
 *
 * @param planDaysBefore  a plan is on time when filed at least this many days before the start date
 *                        ({@code startDate − filedOn ≥ planDaysBefore}): 14 for "培训前两周" ({@code IM-2022 四(二)1},
 *                        {@code IM-2025 一(六)1}), 0 for "培训开始前" ({@code IM-2017 二(七)2}: the filing day may be the
 *                        start day, since only the date of the start is known); null when the rule set asks for no plan
 *                        ({@code NX-2022}), and then a missing plan is no signal either
 * @param planCitation    the clause of the plan rule, null with it
 * @param rosterDaysAfter a roster is on time when reported at most this many days after the end date
 *                        ({@code submittedOn − endDate ≤ rosterDaysAfter}): 14 for "结束后两周内"
 *                        ({@code IM-2022 四(二)2}, {@code IM-2025 一(六)1}); null when the rule set has no dated rule
 *                        ({@code IM-2017 三(五)} "with the audit", {@code NX-2022})
 * @param rosterCitation  the clause of the roster rule, null with it
 */
public record FilingDeadlines(Integer planDaysBefore, String planCitation, Integer rosterDaysAfter,
                              String rosterCitation) {

    /** No filing rule at all. */
    public static final FilingDeadlines NONE = new FilingDeadlines(null, null, null, null);

    public FilingDeadlines {
        if ((planDaysBefore == null) != (planCitation == null) || (rosterDaysAfter == null) != (rosterCitation == null)) {
            throw new IllegalArgumentException("a deadline and its citation go together");
        }
        if ((planDaysBefore != null && planDaysBefore < 0) || (rosterDaysAfter != null && rosterDaysAfter < 0)) {
            throw new IllegalArgumentException("deadlines are zero or more days");
        }
    }
}
