package org.celedger.projections.history;

import java.math.BigDecimal;

/**
 * A credit year's totals as the read model keeps them (RULES.md §5, last paragraph): the rule set
 * serving the year, the hours per category and whether the yearly minimums are met.
 */
public record YearSummary(int year, String ruleSet, String ruleSetVersion, BigDecimal publicHours,
                          BigDecimal professionalHours, BigDecimal total, String status) {
}
