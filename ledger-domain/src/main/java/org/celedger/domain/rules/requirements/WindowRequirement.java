package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.Hours;
import org.celedger.domain.rules.Measure;
import org.celedger.domain.rules.RowKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.util.ArrayList;
import java.util.List;

/**
 * A window requirement (RULES.md §5, kind {@code WINDOW}): the window's sums meet the minimums, and
 * with {@code participation} some PUBLIC and some PROFESSIONAL hours in every year of it (连续参加),
 * shown as rows requiring 0.1. IM-2017 三(一) (titles: 130 over two years, 170 over three, "连续参加"),
 * IM-2017 三(二) (recognition; "须近一年参加继续教育公需科目和专业科目学习"); NX-2022 一(二) (360 and
 * 120 PUBLIC over four years, 450 and 150 over five). Keys {@code requirements.PURPOSE.LEVEL.length},
 * {@code offset}, {@code public}, {@code professional}, {@code total}, {@code participation}.
 */
public final class WindowRequirement {

    private WindowRequirement() {
    }

    /** The keys every level requiring hours has ({@link HoursRequirementKeys}). */
    static RequirementRule read(Cited<RequirementKind> kind, RuleSetNode level) {
        return HoursRequirementKeys.read(kind, level);
    }

    /** Participation in every year of the window if the rule asks for it, then the window's minimums. */
    public static RequirementShape shape(RequirementRule rule, int[] window) {
        List<Line> lines = new ArrayList<>(2 * window.length + 3);
        if (rule.participation().value()) {
            String c = rule.participation().cite();
            for (int y : window) {
                lines.add(new Line(y, Measure.PUBLIC, Hours.SOME, RowKind.PARTICIPATION, c));
                lines.add(new Line(y, Measure.PROFESSIONAL, Hours.SOME, RowKind.PARTICIPATION, c));
            }
        }
        Lines.add(lines, null, Measure.PUBLIC, rule.publicHours());
        Lines.add(lines, null, Measure.PROFESSIONAL, rule.professionalHours());
        Lines.add(lines, null, Measure.TOTAL, rule.totalHours());
        return RequirementShape.allOf(lines);
    }
}
