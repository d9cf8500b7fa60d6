package org.celedger.projections.history;

/**
 * One line of the title-eligibility view: for the current evaluation year, the outcome of one
 * purpose and level under the serving rule set. The full decision with its trace is recomputed
 * on request from the same facts.
 */
public record EligibilitySummary(String purpose, String level, int year, String ruleSet, String ruleSetVersion,
                                 String outcome, boolean eligible, String referenceStatus) {
}
