package org.celedger.domain.rules.model;

/** The exceptional-promotion (破格) relief: the window keeps only the years after the current title was obtained (IM-2025 一(五)6). */
public enum ExceptionalMode { NONE, CUT_BEFORE_TITLE }
