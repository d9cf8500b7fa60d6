package org.celedger.domain.base;

/**
 * A reason to look at a session more closely; the more a session has, the likelier a random check
 * draws it (RULES.md §8, "Risk signals that weight a random check"). {@link RiskSignals} computes them.
 */
public enum RiskSignal {
    /** No plan was filed although the rule set requires one ({@code IM-2017 二(七)2}, {@code IM-2022 四(二)1}, {@code IM-2025 一(六)1}). */
    PLAN_MISSING,
    /** The plan was filed later than the rule set's deadline before the start (same clauses). */
    PLAN_LATE,
    /** The roster came later than the rule set's deadline after the end ({@code IM-2022 四(二)2}, {@code IM-2025 一(六)1}). */
    ROSTER_LATE,
    /** More practitioners on the roster than the plan's capacity (headcount, {@code IM-2022 五(一)}). */
    OVER_CAPACITY,
    /** A participant's hours exceed 8 per day of an in-person session (I-11, {@code IM-MEASURES-2017 第十条}). */
    HOURS_EXCEED_DAYS,
    /** A participant is also on another in-person session on an overlapping day (in-person time, {@code IM-2022 五(一)}). */
    DOUBLE_BOOKED
}
