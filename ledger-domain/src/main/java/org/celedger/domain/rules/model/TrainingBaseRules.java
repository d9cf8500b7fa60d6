package org.celedger.domain.rules.model;

/**
 * The deadlines a training base must keep (RULES.md §8), read by the supervision module: the plan
 * filed at least {@code planDaysBeforeStart} days before a session starts and the roster at most
 * {@code rosterDaysAfterEnd} days after it ends (values null where the rule set has no such
 * deadline), and the most hours one in-person day can carry (I-11).
 */
public record TrainingBaseRules(Cited<Integer> planDaysBeforeStart, Cited<Integer> rosterDaysAfterEnd,
                                Cited<Integer> maxHoursPerInPersonDay) {
}
