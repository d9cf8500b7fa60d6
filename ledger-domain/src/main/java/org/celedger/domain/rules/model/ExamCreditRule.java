package org.celedger.domain.rules.model;

import org.celedger.domain.practitioner.Category;

import java.math.BigDecimal;

/**
 * The value of a title language or computer exam (RULES.md §4.2): {@code hours} per exam, or per
 * module when {@code perModule}; {@code lastEvaluationYear} ends the rule (NX-2022 一(三)2: "此项政策截止
 * 2022 年年底"), null when it has no end.
 */
public record ExamCreditRule(Cited<ExamCreditEffect> effect, Cited<Category> category, Cited<BigDecimal> hours,
                             Cited<Boolean> perModule, Cited<Integer> lastEvaluationYear) {
}
