package org.celedger.domain.rules;

import org.celedger.domain.rules.model.AgePartialMode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.MasterDegreeRule;
import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The requirement as the reliefs shaped it (RULES.md §5, §6 "requirement modifiers"): a list of
 * lines, each a minimum (or participation) for one measure in one year or over the window, and
 * whether all lines must be met or only those of any one year (IM-2025 一(五)1).
 */
final class RequirementShape {

    /** One minimum: {@code year} null means the window as a whole. */
    record Line(Integer year, Measure measure, BigDecimal required, RowKind kind, String citation) {
    }

    final List<Line> lines;
    final boolean anyOneYear;

    private RequirementShape(List<Line> lines, boolean anyOneYear) {
        this.lines = lines;
        this.anyOneYear = anyOneYear;
    }

    /**
     * Shapes {@code rule} for the (cut) {@code window}: first the NX master's proration if it
     * applies (it defines the minimums), then the partial age relief if it applies.
     */
    static RequirementShape of(RequirementRule rule, int[] window, Minimums yearly,
                               MasterDegreeRule master, Cited<AgePartialMode> agePartial) {
        int n = window.length;
        boolean isWindow = rule.kind().value() == RequirementKind.WINDOW;
        Cited<BigDecimal> total = rule.totalHours();
        Cited<BigDecimal> pub = rule.publicHours();
        Cited<BigDecimal> prof = rule.professionalHours();
        boolean participation = rule.participation().value();

        if (master != null) {
            // I-6: per-year amounts times the years kept; a window requirement whatever the rule said.
            BigDecimal years = BigDecimal.valueOf(n);
            String c = master.mode().cite();
            total = new Cited<>(master.perYearTotal().value().multiply(years), c + ": " + master.perYearTotal().value() + " × " + n, null);
            pub = new Cited<>(master.perYearPublic().value().multiply(years), c + ": " + master.perYearPublic().value() + " × " + n, null);
            prof = isWindow ? prof : new Cited<>(null, c, null);
            isWindow = true;
        }

        List<Line> lines = new ArrayList<>();
        if (agePartial != null) {
            String c = agePartial.cite();
            switch (agePartial.value()) {
                case ONE_THIRD_OF_WINDOW_TOTAL -> {
                    // IM-2017 (I-10): a third of the window total; participation no longer required.
                    BigDecimal windowTotal = sum(total, isWindow, n);
                    if (windowTotal != null) {
                        lines.add(new Line(null, Measure.TOTAL, Hours.oneThird(windowTotal), RowKind.MINIMUM,
                                c + ": " + windowTotal + " / 3"));
                    }
                    return new RequirementShape(lines, false);
                }
                case ONE_THIRD_OF_MINIMUMS -> {
                    // IM-2022 (I-10): a third of each minimum summed over the window.
                    addThird(lines, Measure.PUBLIC, sum(pub, isWindow, n), c);
                    addThird(lines, Measure.PROFESSIONAL, sum(prof, isWindow, n), c);
                    addThird(lines, Measure.TOTAL, sum(total, isWindow, n), c);
                    return new RequirementShape(lines, false);
                }
                case ANY_ONE_YEAR -> {
                    // IM-2025 一(五)1: the yearly minimums in any one year of the window.
                    for (int y : window) {
                        if (isWindow) {
                            addYear(lines, y, yearly.publicHours(), yearly.professionalHours(), yearly.totalHours());
                        } else {
                            addYear(lines, y, pub, prof, total);
                        }
                    }
                    // Each row keeps its minimum's clause and says why one year suffices.
                    lines.replaceAll(l -> new Line(l.year(), l.measure(), l.required(), l.kind(),
                            l.citation() + "; any one year: " + c));
                    return new RequirementShape(lines, true);
                }
                case NONE -> {
                }
            }
        }

        if (isWindow) {
            if (participation) {
                for (int y : window) {
                    String c = rule.participation().cite();
                    lines.add(new Line(y, Measure.PUBLIC, Hours.SOME, RowKind.PARTICIPATION, c));
                    lines.add(new Line(y, Measure.PROFESSIONAL, Hours.SOME, RowKind.PARTICIPATION, c));
                }
            }
            addLine(lines, null, Measure.PUBLIC, pub);
            addLine(lines, null, Measure.PROFESSIONAL, prof);
            addLine(lines, null, Measure.TOTAL, total);
        } else {
            for (int y : window) {
                addYear(lines, y, pub, prof, total);
            }
        }
        return new RequirementShape(lines, false);
    }

    /** Whether any line is about the window as a whole. */
    boolean hasWindowLines() {
        for (Line l : lines) {
            if (l.year() == null) {
                return true;
            }
        }
        return false;
    }

    /** The window line of a measure, or null. */
    Line windowLine(Measure measure) {
        for (Line l : lines) {
            if (l.year() == null && l.measure() == measure) {
                return l;
            }
        }
        return null;
    }

    private static BigDecimal sum(Cited<BigDecimal> minimum, boolean isWindow, int n) {
        if (minimum == null || minimum.value() == null) {
            return null;
        }
        return isWindow ? minimum.value() : minimum.value().multiply(BigDecimal.valueOf(n));
    }

    private static void addThird(List<Line> lines, Measure measure, BigDecimal sum, String citation) {
        if (sum != null) {
            lines.add(new Line(null, measure, Hours.oneThird(sum), RowKind.MINIMUM, citation + ": " + sum + " / 3"));
        }
    }

    private static void addYear(List<Line> lines, int y, Cited<BigDecimal> pub, Cited<BigDecimal> prof, Cited<BigDecimal> total) {
        addLine(lines, y, Measure.PUBLIC, pub);
        addLine(lines, y, Measure.PROFESSIONAL, prof);
        addLine(lines, y, Measure.TOTAL, total);
    }

    private static void addLine(List<Line> lines, Integer year, Measure measure, Cited<BigDecimal> minimum) {
        if (minimum != null && minimum.value() != null) {
            lines.add(new Line(year, measure, minimum.value(), RowKind.MINIMUM, minimum.cite()));
        }
    }
}
