package org.celedger.domain.practitioner;

/** The conversion facts of RULES.md §2 and §4.2, as API.md writes them. */
public enum ConversionKind {
    QUALIFICATION_EXAM_PASSED,
    TITLE_LANGUAGE_EXAM_PASSED,
    COMPUTER_EXAM_PASSED,
    LECTURING_DELIVERED,
    STUDY_TOUR_COMPLETED,
    DEGREE_COMPLETED
}
