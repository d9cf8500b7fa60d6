package org.celedger.domain.practitioner;

/** Gender, as the age reliefs of RULES.md §6 distinguish men and women. */
public enum Gender { MALE, FEMALE }
