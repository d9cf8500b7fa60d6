package org.celedger.domain.rules.model;

import org.celedger.domain.practitioner.Category;

import java.math.BigDecimal;

/** A conversion at a rate (RULES.md §4.2): hours per hour taught, hours per day of a study tour. Zero means not valued. */
public record RateRule(Cited<BigDecimal> rate, Cited<Category> category) {
}
