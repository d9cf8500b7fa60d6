package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.Measure;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Partial age relief as IM-2017 shapes it (RULES.md §6, a requirement modifier; IM-2017 三(四)
 * "完成规定学时的1/3", I-10: one third of the window total): a single window row of a third of the
 * window's total minimum, participation no longer required. Mode {@code ONE_THIRD_OF_WINDOW_TOTAL} of
 * the key {@code reliefs.agePartial.mode}, read by the relief {@code AgePartial}.
 */
public final class AgePartialThirdOfWindowTotal {

    private AgePartialThirdOfWindowTotal() {
    }

    /** @param citation the clause of the relief, which each row cites with its arithmetic */
    public static RequirementShape shape(RequirementRule rule, int[] window, String citation) {
        List<Line> lines = new ArrayList<>(1);
        boolean windowRule = rule.kind().value() == RequirementKind.WINDOW;
        Lines.addThird(lines, Measure.TOTAL, Lines.windowSum(rule.totalHours(), windowRule, window.length), citation);
        return RequirementShape.allOf(lines);
    }
}
