package org.celedger.domain.rules.model;

/**
 * What a passed qualification exam is worth (RULES.md §4.2): hours added in the result year
 * (IM-2017 三(三)), the category minimum of the result year deemed met (IM-2022 三(六), IM-2025
 * 一(四)5), or the professional part of the window deemed met (NX-2022 一(三)3).
 */
public enum QualificationExamEffect { NONE, ADD_HOURS, DEEM_YEAR_MINIMUM, DEEM_WINDOW_PART }
