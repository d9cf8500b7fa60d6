package org.celedger.domain.rules.model;

/** The effect of a relief that removes or softens the whole requirement (RULES.md §6, §7). */
public enum ReliefMode { NONE, WAIVED, NOT_LIMITING }
