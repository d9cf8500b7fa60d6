package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.Hours;
import org.celedger.domain.rules.Measure;
import org.celedger.domain.rules.RowKind;
import org.celedger.domain.rules.model.Cited;

import java.math.BigDecimal;
import java.util.List;

/** The ways a shape writes its lines: a cited minimum, a year's three minimums, a third of a sum. */
final class Lines {

    private Lines() {
    }

    /** A line for a minimum the rule set states; none for a minimum it leaves null (not required). */
    static void add(List<Line> lines, Integer year, Measure measure, Cited<BigDecimal> minimum) {
        if (minimum != null && minimum.value() != null) {
            lines.add(new Line(year, measure, minimum.value(), RowKind.MINIMUM, minimum.cite()));
        }
    }

    /** The PUBLIC, PROFESSIONAL and TOTAL minimums of one year, in that order. */
    static void addYear(List<Line> lines, int year, Cited<BigDecimal> pub, Cited<BigDecimal> prof, Cited<BigDecimal> total) {
        add(lines, year, Measure.PUBLIC, pub);
        add(lines, year, Measure.PROFESSIONAL, prof);
        add(lines, year, Measure.TOTAL, total);
    }

    /** A window line of one third of {@code sum} (I-10), saying so; none when there is no sum. */
    static void addThird(List<Line> lines, Measure measure, BigDecimal sum, String citation) {
        if (sum != null) {
            lines.add(new Line(null, measure, Hours.oneThird(sum), RowKind.MINIMUM, citation + ": " + sum + " / 3"));
        }
    }

    /** A minimum summed over the window: as stated for a window rule, times the years for a yearly one. */
    static BigDecimal windowSum(Cited<BigDecimal> minimum, boolean windowRule, int years) {
        if (minimum == null || minimum.value() == null) {
            return null;
        }
        return windowRule ? minimum.value() : minimum.value().multiply(BigDecimal.valueOf(years));
    }
}
