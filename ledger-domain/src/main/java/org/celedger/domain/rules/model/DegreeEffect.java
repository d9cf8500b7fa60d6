package org.celedger.domain.rules.model;

/**
 * What a completed degree is worth as a conversion (RULES.md §4.2): nothing (its hours are
 * awarded as DEGREE_STUDY), or the hours the school certified, credited in the graduation year
 * (NX-2022 一(三)1, degree across the window's edge).
 */
public enum DegreeEffect { NONE, CERTIFIED_HOURS }
