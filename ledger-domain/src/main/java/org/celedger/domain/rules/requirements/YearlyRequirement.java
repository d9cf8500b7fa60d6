package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.util.ArrayList;
import java.util.List;

/**
 * A yearly requirement (RULES.md §5, kind {@code YEARLY}): every year of the window meets the
 * minimums, each row citing the clause of its minimum. IM-2022 二(一) (each year ≥ 30 PUBLIC, 60
 * PROFESSIONAL, 90 total, the minimums of IM-2022 一), IM-2022 二(二) for recognition; IM-2025 一(三)1 ("申报初级职称评审，需完成当年",
 * "申报高、中级职称评审，需完成近三年"), IM-2025 一(三)2 for recognition (I-7), the minimums of IM-2025 一(二).
 * Keys {@code requirements.PURPOSE.LEVEL.length}, {@code offset}, {@code public}, {@code professional},
 * {@code total}, {@code participation} (read, not used: a yearly minimum already asks for hours every year).
 */
public final class YearlyRequirement {

    private YearlyRequirement() {
    }

    /** The keys every level requiring hours has ({@link HoursRequirementKeys}). */
    static RequirementRule read(Cited<RequirementKind> kind, RuleSetNode level) {
        return HoursRequirementKeys.read(kind, level);
    }

    /** The PUBLIC, PROFESSIONAL and TOTAL minimums the rule states, in every year of the window. */
    public static RequirementShape shape(RequirementRule rule, int[] window) {
        List<Line> lines = new ArrayList<>(3 * window.length);
        for (int y : window) {
            Lines.addYear(lines, y, rule.publicHours(), rule.professionalHours(), rule.totalHours());
        }
        return RequirementShape.allOf(lines);
    }
}
