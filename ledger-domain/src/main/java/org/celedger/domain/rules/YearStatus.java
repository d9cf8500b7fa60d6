package org.celedger.domain.rules;

/**
 * The status of one credit year in the yearly view (RULES.md §5, last paragraph): MET when the
 * yearly minimums are reached. {@code NO_RULE_SET} marks a year that no rule set serves for the
 * practitioner's jurisdiction, whose hours therefore are not valued.
 */
public enum YearStatus { MET, NOT_MET, NO_RULE_SET }
