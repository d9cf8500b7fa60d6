package org.celedger.domain.rules.model;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.TitleLevel;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The value of a passed qualification exam (RULES.md §4.2). {@code hours} serves ADD_HOURS only;
 * {@code requiresTitleLevels} (NX-2022 一(三)3) lists the current titles after which the exam must
 * have been passed; empty means any.
 */
public record QualificationExamRule(Cited<QualificationExamEffect> effect, Cited<Category> category,
                                    Cited<BigDecimal> hours, Cited<Boolean> requiresInRegion,
                                    Cited<Set<TitleLevel>> requiresTitleLevels) {
}
