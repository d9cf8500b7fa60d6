package org.celedger.domain.practitioner;

import java.time.LocalDate;

/**
 * A conversion fact (RULES.md §2, §4.2): something other than a course that a rule set may value
 * in hours. What it is worth is not recorded: rule sets compute it when a projection runs.
 */
public sealed interface ConversionRecorded extends PractitionerEvent
        permits QualificationExamPassed, TitleLanguageExamPassed, ComputerExamPassed,
                LecturingDelivered, StudyTourCompleted, DegreeCompleted {

    String conversionId();

    /** The business date of the fact: the exam result, the lecture, the last day of the tour, graduation. */
    LocalDate date();

    ConversionKind kind();

    String evidence();
}
