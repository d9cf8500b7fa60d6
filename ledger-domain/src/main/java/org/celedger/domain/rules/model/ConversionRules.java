package org.celedger.domain.rules.model;

/** The conversion kinds of RULES.md §4.2 as one rule set values them. */
public record ConversionRules(QualificationExamRule qualificationExam, ExamCreditRule titleLanguageExam,
                              ExamCreditRule computerExam, RateRule lecturing, RateRule studyTour,
                              DegreeRule degree) {
}
