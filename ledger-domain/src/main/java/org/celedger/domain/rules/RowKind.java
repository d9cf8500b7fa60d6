package org.celedger.domain.rules;

/**
 * Whether a requirement row asks for a minimum of hours or only for participation (some hours in
 * the category that year: 连续参加, IM-2017 三(一)), shown as a required 0.1.
 */
public enum RowKind { MINIMUM, PARTICIPATION }
