package org.celedger.domain.rules.model;

/**
 * The partial age relief (RULES.md §6): one third of the window total, participation not required
 * (IM-2017, I-10); one third of the window's summed minimums per category (IM-2022, I-10); any one
 * year of the window meets the yearly minimums (IM-2025 一(五)1).
 */
public enum AgePartialMode { NONE, ONE_THIRD_OF_WINDOW_TOTAL, ONE_THIRD_OF_MINIMUMS, ANY_ONE_YEAR }
