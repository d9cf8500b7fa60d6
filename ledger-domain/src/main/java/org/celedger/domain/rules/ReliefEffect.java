package org.celedger.domain.rules;

/**
 * What a relief that applies does to the requirement, in the order of RULES.md §6: waive it,
 * make it a reference factor, cut years from the window, or change the minimums. {@code NONE}
 * marks a relief whose condition holds but that changes nothing here (its years lie outside the
 * window, its evaluation year has passed), listed so the trace says why.
 */
public enum ReliefEffect { WAIVED, NOT_LIMITING, WINDOW_CUT, REQUIREMENT_MODIFIER, NONE }
