package org.celedger.domain.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The hours of one credit year (API.md {@code /years}): PUBLIC, PROFESSIONAL and total credited
 * under {@code ruleSet} (after any "deemed met" conversion), the yearly status, and every item
 * that makes the figures, including items that count 0 with the reason (a revoked award, an
 * activity not allowed in its category, an award moved to another year as make-up).
 * {@code ruleSet} is null and the status {@code NO_RULE_SET} when no rule set serves the year.
 */
public record YearTotals(int year, RuleSetRef ruleSet, BigDecimal publicHours, BigDecimal professionalHours,
                         BigDecimal totalHours, YearStatus status, List<Contribution> items) {
}
