package org.celedger.domain.rules.model;

/**
 * What a title language or computer exam is worth (RULES.md §4.2): hours in the year of the
 * result (IM-2017 三(三)), or hours added once to a window whenever the exam was passed
 * (NX-2022 一(三)2, "凡以往参加过"), which then belong to no credit year.
 */
public enum ExamCreditEffect { NONE, YEAR_OF_RESULT, ONCE_PER_WINDOW }
