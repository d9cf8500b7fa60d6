package org.celedger.domain.rules.model;

/** The COVID_FRONTLINE relief: the whole requirement waived (IM-2022 三(四)) or its years leave the window (IM-2025 一(五)4). */
public enum CovidMode { NONE, WAIVED, CUT_YEARS }
