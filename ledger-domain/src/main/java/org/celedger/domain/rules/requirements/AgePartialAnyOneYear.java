package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Partial age relief as IM-2025 shapes it (RULES.md §6, a requirement modifier; IM-2025 一(五)1
 * "完成近三年中一个年度学时要求即可"): the yearly minimums in any one year of the window. Every year has
 * its rows (the rule's own minimums for a yearly rule, the rule set's yearly minimums for a window
 * rule), each citing its minimum's clause and the relief's; the requirement is met when the rows of
 * one year all are. Mode {@code ANY_ONE_YEAR} of the key {@code reliefs.agePartial.mode}, read by the
 * relief {@code AgePartial}.
 */
public final class AgePartialAnyOneYear {

    private AgePartialAnyOneYear() {
    }

    /** @param citation the clause of the relief, added to each row's own */
    public static RequirementShape shape(RequirementRule rule, int[] window, Minimums yearly, String citation) {
        List<Line> lines = new ArrayList<>(3 * window.length);
        boolean windowRule = rule.kind().value() == RequirementKind.WINDOW;
        for (int y : window) {
            if (windowRule) {
                Lines.addYear(lines, y, yearly.publicHours(), yearly.professionalHours(), yearly.totalHours());
            } else {
                Lines.addYear(lines, y, rule.publicHours(), rule.professionalHours(), rule.totalHours());
            }
        }
        // Each row keeps its minimum's clause and says why one year suffices.
        lines.replaceAll(l -> new Line(l.year(), l.measure(), l.required(), l.kind(), l.citation() + "; any one year: " + citation));
        return RequirementShape.anyOneYear(lines);
    }
}
