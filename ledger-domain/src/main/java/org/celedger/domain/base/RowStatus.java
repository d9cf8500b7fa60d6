package org.celedger.domain.base;

/**
 * What became of one roster row. A roster is judged row by row, so one bad row never costs the
 * others their hours (API.md, roster).
 *
 * <ul>
 *   <li>{@link #ACCEPTED}: new on the session's roster; it will become a {@code CreditAwarded}.</li>
 *   <li>{@link #DUPLICATE}: the practitioner is already on the roster with the same hours and category.</li>
 *   <li>{@link #CONFLICT}: the practitioner is already on the roster with other hours or category.</li>
 *   <li>{@link #INVALID}: the row cannot be a fact; the outcome names the field.</li>
 * </ul>
 */
public enum RowStatus { ACCEPTED, DUPLICATE, CONFLICT, INVALID }
