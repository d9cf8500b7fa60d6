package org.celedger.domain.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * The hours of one credit year (API.md {@code /years}): PUBLIC, PROFESSIONAL and total credited
 * under {@code ruleSet} (after any "deemed met" conversion), the yearly status, and every item
 * that makes the figures, including items that count 0 with the reason (a revoked award, an
 * activity not allowed in its category, an award moved to another year as make-up).
 * {@code ruleSet} is null and the status {@code NO_RULE_SET} when no rule set serves the year.
 */
@JsonPropertyOrder({"year", "ruleSet", "public", "professional", "total", "status", "items"})
public record YearTotals(int year, RuleSetRef ruleSet,
                         @JsonProperty("public") BigDecimal publicHours,
                         @JsonProperty("professional") BigDecimal professionalHours,
                         @JsonProperty("total") BigDecimal totalHours,
                         YearStatus status, List<Contribution> items) {
}
