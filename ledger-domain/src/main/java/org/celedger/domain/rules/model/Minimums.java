package org.celedger.domain.rules.model;

import java.math.BigDecimal;

/**
 * The yearly minimums (RULES.md §5, last paragraph): PUBLIC, PROFESSIONAL and total hours a credit
 * year must reach to be MET in the yearly view; "deemed met" conversions credit up to them.
 */
public record Minimums(Cited<BigDecimal> publicHours, Cited<BigDecimal> professionalHours, Cited<BigDecimal> totalHours) {
}
