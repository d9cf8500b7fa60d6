package org.celedger.domain.rules.model;

/**
 * How a rule set states the hours required for a purpose and level (RULES.md §5).
 * {@code YEARLY}: each year of the window meets the minimums; {@code WINDOW}: the window's sum meets
 * them (optionally with participation every year); {@code WAIVED}: no hours are required;
 * {@code NO_RULE}: the rule set says nothing for this purpose and level.
 */
public enum RequirementKind { NO_RULE, WAIVED, YEARLY, WINDOW }
