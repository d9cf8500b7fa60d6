package org.celedger.domain.rules.model;

/**
 * The NX master's-degree rule (NX-2022 一(二), I-6): the window keeps the years after the current
 * title was obtained, and the requirement is a per-year amount times the years kept.
 */
public enum MasterDegreeMode { NONE, PRORATE_BY_YEARS_IN_POST }
