package org.celedger.domain.rules.model;

/**
 * The relief of a transfer from a government organ in year T (IM-2022 三(七), IM-2025 一(五)5):
 * evaluated in year T, waived; later, the window keeps only the years after T.
 */
public enum TransferMode { NONE, WAIVE_SAME_YEAR_ELSE_CUT }
