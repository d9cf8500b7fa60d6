package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.Measure;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Partial age relief as IM-2022 shapes it (RULES.md §6, a requirement modifier; IM-2022 三(一)
 * "完成规定学时的1/3", I-10: one third of each minimum summed over the window): window rows of a third
 * of the PUBLIC, PROFESSIONAL and TOTAL minimums summed over the window's years, rounded up to one
 * decimal. Mode {@code ONE_THIRD_OF_MINIMUMS} of the key {@code reliefs.agePartial.mode}, read by the
 * relief {@code AgePartial}.
 */
public final class AgePartialThirdOfMinimums {

    private AgePartialThirdOfMinimums() {
    }

    /** @param citation the clause of the relief, which each row cites with its arithmetic */
    public static RequirementShape shape(RequirementRule rule, int[] window, String citation) {
        List<Line> lines = new ArrayList<>(3);
        boolean windowRule = rule.kind().value() == RequirementKind.WINDOW;
        int n = window.length;
        Lines.addThird(lines, Measure.PUBLIC, Lines.windowSum(rule.publicHours(), windowRule, n), citation);
        Lines.addThird(lines, Measure.PROFESSIONAL, Lines.windowSum(rule.professionalHours(), windowRule, n), citation);
        Lines.addThird(lines, Measure.TOTAL, Lines.windowSum(rule.totalHours(), windowRule, n), citation);
        return RequirementShape.allOf(lines);
    }
}
