package org.celedger.domain.rules;

/**
 * The reliefs of RULES.md §6 in the table's order, the NX master's-degree rule of §5 (I-6), and
 * {@code REQUIREMENT_WAIVED} for a level whose requirement itself is waived (a doctor's recognition).
 */
public enum ReliefKind {
    REQUIREMENT_WAIVED,
    AGE_FULL,
    AGE_PARTIAL,
    NON_PUBLIC_SECTOR,
    GRASSROOTS,
    COVID_FRONTLINE,
    GOVERNMENT_TRANSFER,
    POSTDOC,
    EXCEPTIONAL_PROMOTION,
    DEGREE_IN_WINDOW,
    MASTER_DEGREE
}
