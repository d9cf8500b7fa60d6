package org.celedger.domain.rules;

/** Whether hours meet a requirement: the {@code referenceStatus} of a NOT_LIMITING decision (RULES.md §7). */
public enum Status { MET, NOT_MET }
