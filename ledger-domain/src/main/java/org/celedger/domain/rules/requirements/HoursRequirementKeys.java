package org.celedger.domain.rules.requirements;

import static org.celedger.domain.rules.ParamType.BOOL;
import static org.celedger.domain.rules.ParamType.HOURS;
import static org.celedger.domain.rules.ParamType.INT;
import static org.celedger.domain.rules.ParamType.POSITIVE_INT;
import static org.celedger.domain.rules.ParamType.nullable;

import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

/**
 * The keys of a level that requires hours, alike for {@link YearlyRequirement} and
 * {@link WindowRequirement}: the window ({@code length}, {@code offset}) and its minimums
 * ({@code public}, {@code professional}, {@code total}, {@code participation}). The kinds differ only
 * in how they shape the requirement from these, which each class does with its clauses.
 */
final class HoursRequirementKeys {

    private HoursRequirementKeys() {
    }

    static RequirementRule read(Cited<RequirementKind> kind, RuleSetNode level) {
        return new RequirementRule(kind, level.param("length", POSITIVE_INT), level.param("offset", INT),
                level.param("public", nullable(HOURS)), level.param("professional", nullable(HOURS)),
                level.param("total", nullable(HOURS)), level.param("participation", BOOL));
    }
}
