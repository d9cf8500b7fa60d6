package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.rules.conversions.ConversionFact;
import org.celedger.domain.rules.requirements.Line;
import org.celedger.domain.rules.requirements.RequirementShape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of a decision (API.md {@code requirements}, RULES.md §7): each line of the shaped
 * requirement against the hours credited to its year or to the window, with every item, whether it
 * is met and the shortfall. A window's hours are its years' plus what the window receives whole
 * (RULES.md §4.2: the NX exams, the NX professional part deemed met).
 */
final class RequirementRows {

    private RequirementRows() {
    }

    /** One row per line of the shape: the hours credited against it, with their items. */
    static List<Requirement> of(RequirementShape shape, Map<Integer, YearCredit> credits, Crediting crediting,
                                          PractitionerFacts f, int evaluationYear) {
        List<Requirement> rows = new ArrayList<>(shape.lines().size());
        WindowSums sums = shape.hasWindowLines() ? windowSums(shape, credits, crediting, f, evaluationYear) : null;
        for (Line line : shape.lines()) {
            BigDecimal credited;
            List<Contribution> contributions;
            String scope;
            if (line.year() != null) {
                YearCredit year = credits.get(line.year());
                credited = year.credited(line.measure());
                contributions = year.items(line.measure());
                scope = Integer.toString(line.year());
            } else {
                credited = sums.credited(line.measure());
                contributions = sums.items(line.measure());
                scope = Requirement.WINDOW;
            }
            boolean met = credited.compareTo(line.required()) >= 0;
            BigDecimal shortfall = met ? Hours.ZERO : line.required().subtract(credited);
            rows.add(new Requirement(scope, line.measure(), line.required(), credited, met, contributions, shortfall,
                    line.kind(), line.citation()));
        }
        return rows;
    }

    /** The window's figures: the years' credited hours plus the window-level credits and deeming. */
    private record WindowSums(BigDecimal publicHours, BigDecimal professionalHours,
                              List<Contribution> publicItems, List<Contribution> professionalItems) {
        BigDecimal credited(Measure m) {
            return switch (m) {
                case PUBLIC -> publicHours;
                case PROFESSIONAL -> professionalHours;
                case TOTAL -> publicHours.add(professionalHours);
            };
        }

        List<Contribution> items(Measure m) {
            return switch (m) {
                case PUBLIC -> publicItems;
                case PROFESSIONAL -> professionalItems;
                case TOTAL -> {
                    List<Contribution> all = new ArrayList<>(publicItems.size() + professionalItems.size());
                    all.addAll(publicItems);
                    all.addAll(professionalItems);
                    yield all;
                }
            };
        }
    }

    private static WindowSums windowSums(RequirementShape shape, Map<Integer, YearCredit> credits, Crediting crediting,
                                         PractitionerFacts f, int evaluationYear) {
        BigDecimal pub = Hours.ZERO;
        BigDecimal prof = Hours.ZERO;
        List<Contribution> pubItems = new ArrayList<>();
        List<Contribution> profItems = new ArrayList<>();
        for (YearCredit year : credits.values()) {
            pub = pub.add(year.credited(Category.PUBLIC));
            prof = prof.add(year.credited(Category.PROFESSIONAL));
            pubItems.addAll(year.items(Category.PUBLIC));
            profItems.addAll(year.items(Category.PROFESSIONAL));
        }
        for (Contribution c : crediting.windowCredits(f, evaluationYear)) {
            if (c.category() == Category.PUBLIC) {
                pub = pub.add(c.hours());
                pubItems.add(c);
            } else {
                prof = prof.add(c.hours());
                profItems.add(c);
            }
        }
        // NX-2022 一(三)3: the professional part of the window deemed met.
        List<Contribution> rejected = new ArrayList<>(0);
        ConversionFact exam = crediting.windowDeemingExam(f, rejected);
        profItems.addAll(rejected);
        BigDecimal part = shape.professionalPart();
        if (exam != null && part != null) {
            profItems.add(crediting.windowPartDeemed(exam, prof, part));
            prof = Hours.max(prof, part);
        }
        return new WindowSums(pub, prof, pubItems, profItems);
    }
}
