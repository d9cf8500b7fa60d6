package org.celedger.domain.rules;

/** What a requirement measures: the hours of one category (RULES.md §1) or of both together. */
public enum Measure { PUBLIC, PROFESSIONAL, TOTAL }
