package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.Hours;
import org.celedger.domain.rules.Measure;
import org.celedger.domain.rules.Requirement;
import org.celedger.domain.rules.model.AgePartialMode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.MasterDegreeRule;
import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The requirement of one evaluation as its kind and the requirement modifiers shaped it (RULES.md §5,
 * §6 "requirement modifiers"): lines, each a minimum (or participation) for one measure in one year or
 * over the window, and whether all lines must be met or only those of any one year (IM-2025 一(五)1).
 */
public final class RequirementShape {

    private final List<Line> lines;
    private final boolean anyOneYear;

    private RequirementShape(List<Line> lines, boolean anyOneYear) {
        this.lines = List.copyOf(lines);
        this.anyOneYear = anyOneYear;
    }

    static RequirementShape allOf(List<Line> lines) {
        return new RequirementShape(lines, false);
    }

    static RequirementShape anyOneYear(List<Line> lines) {
        return new RequirementShape(lines, true);
    }

    /**
     * Shapes {@code rule} for the (cut) {@code window}, in RULES.md §6's order of the modifiers: first
     * the NX master's proration if it applies (it defines the minimums), then the partial age relief if
     * it applies, else the rule's own kind.
     *
     * @param master     the master's rule when that relief applies, else null
     * @param agePartial the partial age mode when that relief applies, else null
     */
    public static RequirementShape of(RequirementRule rule, int[] window, Minimums yearly,
                                      MasterDegreeRule master, Cited<AgePartialMode> agePartial) {
        RequirementRule r = master == null ? rule : MasterDegreeProration.prorate(rule, master, window.length);
        AgePartialMode mode = agePartial == null ? AgePartialMode.NONE : agePartial.value();
        return switch (mode) {
            case ONE_THIRD_OF_WINDOW_TOTAL -> AgePartialThirdOfWindowTotal.shape(r, window, agePartial.cite());
            case ONE_THIRD_OF_MINIMUMS -> AgePartialThirdOfMinimums.shape(r, window, agePartial.cite());
            case ANY_ONE_YEAR -> AgePartialAnyOneYear.shape(r, window, yearly, agePartial.cite());
            case NONE -> r.kind().value() == RequirementKind.WINDOW
                    ? WindowRequirement.shape(r, window)
                    : YearlyRequirement.shape(r, window);
        };
    }

    public List<Line> lines() {
        return lines;
    }

    /** Whether only the rows of any one year need be met (IM-2025 一(五)1), not all rows. */
    public boolean anyOneYear() {
        return anyOneYear;
    }

    /** Whether any line is about the window as a whole. */
    public boolean hasWindowLines() {
        for (Line l : lines) {
            if (l.windowWide()) {
                return true;
            }
        }
        return false;
    }

    /** The window line of a measure, or null. */
    public Line windowLine(Measure measure) {
        for (Line l : lines) {
            if (l.windowWide() && l.measure() == measure) {
                return l;
            }
        }
        return null;
    }

    /**
     * The professional part of a window requirement (what NX-2022 一(三)3 deems met): its PROFESSIONAL
     * minimum, else TOTAL minus PUBLIC; null without window lines.
     */
    public BigDecimal professionalPart() {
        Line prof = windowLine(Measure.PROFESSIONAL);
        if (prof != null) {
            return prof.required();
        }
        Line total = windowLine(Measure.TOTAL);
        if (total == null) {
            return null;
        }
        Line pub = windowLine(Measure.PUBLIC);
        return pub == null ? total.required() : Hours.max(Hours.ZERO, total.required().subtract(pub.required()));
    }

    /** Whether the rows evaluated from these lines meet the requirement: all of them, or all of any one year. */
    public boolean met(List<Requirement> rows) {
        if (!anyOneYear) {
            for (Requirement r : rows) {
                if (!r.met()) {
                    return false;
                }
            }
            return true;
        }
        Set<String> unmetYears = new HashSet<>();
        Set<String> years = new TreeSet<>();
        for (Requirement r : rows) {
            years.add(r.scope());
            if (!r.met()) {
                unmetYears.add(r.scope());
            }
        }
        return !unmetYears.containsAll(years);
    }
}
