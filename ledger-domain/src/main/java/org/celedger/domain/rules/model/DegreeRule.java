package org.celedger.domain.rules.model;

import org.celedger.domain.practitioner.Category;

/** The value of a completed degree as a conversion (RULES.md §4.2). */
public record DegreeRule(Cited<DegreeEffect> effect, Cited<Category> category) {
}
