package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.model.AgePartialMode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.RequirementRule;
import org.celedger.domain.rules.conversions.ConversionFact;
import org.celedger.domain.rules.reliefs.AppliedRelief;
import org.celedger.domain.rules.reliefs.ReliefContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule engine (RULES.md §4–§7): a pure function from one practitioner's facts, a rule set and
 * a query to a decision with its complete trace, and from facts to per-year totals. It reads
 * nothing but its arguments, so evaluating the facts recorded up to an instant reproduces what was
 * decided then. Stateless and thread-safe; no reflection in the evaluation path.
 *
 * <p>Evaluation order (RULES.md §6): NO_RULE → WAIVED reliefs → NOT_LIMITING reliefs (the hours are
 * still evaluated, as a reference) → window cuts → requirement modifiers → hours. A window cut to
 * no years means WAIVED.
 */
public final class RuleEngine {

    /**
     * Decides {@code query} for the practitioner whose facts are given, under {@code ruleSet}.
     *
     * @param facts the practitioner's events, ordered by sequence (only those recorded up to an
     *              instant, to decide as known then)
     * @throws UnregisteredPractitionerException when the facts hold no registration
     */
    public Decision evaluate(List<RecordedFact> facts, RuleSet ruleSet, EligibilityQuery query) {
        return evaluate(PractitionerFacts.of(facts), ruleSet, query);
    }

    /** As {@link #evaluate(List, RuleSet, EligibilityQuery)}, on facts folded once by {@link PractitionerFacts#of}. */
    public Decision evaluate(PractitionerFacts f, RuleSet ruleSet, EligibilityQuery query) {
        LocalDate asOf = query.effectiveAsOf();
        PractitionerProfile profile = f.profileAt(asOf);
        RequirementRule rule = ruleSet.requirement(query.purpose(), query.level());
        Builder d = new Builder(f, ruleSet, query, asOf);

        switch (rule.kind().value()) {
            case NO_RULE -> {
                return d.build(Outcome.NO_RULE, null, List.of(), List.of(), List.of());
            }
            case WAIVED -> {
                Relief waived = new Relief(ReliefKind.REQUIREMENT_WAIVED, true, rule.kind().cite(),
                        "no hours are required for " + query.level(), ReliefEffect.WAIVED);
                return d.build(Outcome.WAIVED, null, List.of(), List.of(waived), List.of());
            }
            default -> {
            }
        }

        int[] baseWindow = rule.window(query.year());
        List<AppliedRelief> applied = ruleSet.reliefs().assess(new ReliefContext(f, profile, query, asOf, baseWindow));

        // WAIVED reliefs come first: the first of them in table order is decisive.
        AppliedRelief waiver = first(applied, ReliefEffect.WAIVED);
        if (waiver != null) {
            return d.build(Outcome.WAIVED, null, years(baseWindow), traces(applied, waiver), List.of());
        }
        // NOT_LIMITING: hours become a reference factor, still evaluated against the shaped requirement.
        AppliedRelief notLimiting = first(applied, ReliefEffect.NOT_LIMITING);

        // Window cuts, in table order; the cut that removes the last year decides a WAIVED.
        Set<Integer> kept = new TreeSet<>();
        for (int y : baseWindow) {
            kept.add(y);
        }
        AppliedRelief emptiedBy = null;
        AppliedRelief firstCut = null;
        for (AppliedRelief r : applied) {
            if (!r.cutYears().isEmpty() && kept.removeAll(r.cutYears())) {
                firstCut = firstCut == null ? r : firstCut;
                if (kept.isEmpty() && emptiedBy == null) {
                    emptiedBy = r;
                }
            }
        }
        int[] window = kept.stream().mapToInt(Integer::intValue).toArray();
        if (window.length == 0) {
            if (notLimiting != null) {
                // Nothing left to require: the reference is met by definition.
                return d.build(Outcome.NOT_LIMITING, Status.MET, List.of(), traces(applied, notLimiting), List.of());
            }
            return d.build(Outcome.WAIVED, null, List.of(), traces(applied, emptiedBy), List.of());
        }

        // Requirement modifiers.
        AppliedRelief master = find(applied, ReliefKind.MASTER_DEGREE);
        AppliedRelief partial = find(applied, ReliefKind.AGE_PARTIAL);
        Cited<AgePartialMode> partialMode = partial == null ? null : ruleSet.reliefs().agePartial().mode();
        RequirementShape shape = RequirementShape.of(rule, window, ruleSet.yearlyMinimums(),
                master == null ? null : ruleSet.reliefs().masterDegree().rule(), partialMode);

        // Hours.
        Crediting crediting = new Crediting(ruleSet, profile, asOf);
        Map<Integer, YearCredit> credits = crediting.years(f, window);
        List<Requirement> rows = rows(shape, credits, crediting, f, query.year());
        boolean met = met(shape, rows);

        List<Integer> windowYears = years(window);
        if (notLimiting != null) {
            return d.build(Outcome.NOT_LIMITING, met ? Status.MET : Status.NOT_MET, windowYears,
                    traces(applied, notLimiting), rows);
        }
        AppliedRelief decisive = partial != null ? partial : master != null ? master : firstCut;
        return d.build(met ? Outcome.MET : Outcome.NOT_MET, null, windowYears, traces(applied, decisive), rows);
    }

    /**
     * Decides {@code query} under the rule set serving the query's year for the practitioner's
     * jurisdiction at the as-of date (RULES.md §3).
     *
     * @throws NoRuleSetException when no rule set serves that year
     */
    public Decision evaluate(List<RecordedFact> facts, RuleSets ruleSets, EligibilityQuery query) {
        return evaluate(PractitionerFacts.of(facts), ruleSets, query);
    }

    /** As {@link #evaluate(List, RuleSets, EligibilityQuery)}, on facts folded once. */
    public Decision evaluate(PractitionerFacts facts, RuleSets ruleSets, EligibilityQuery query) {
        return evaluate(facts, defaultRuleSet(facts, ruleSets, query), query);
    }

    /** The rule set a query is decided under by default: the practitioner's jurisdiction at the as-of date decides. */
    public RuleSet defaultRuleSet(List<RecordedFact> facts, RuleSets ruleSets, EligibilityQuery query) {
        return defaultRuleSet(PractitionerFacts.of(facts), ruleSets, query);
    }

    private RuleSet defaultRuleSet(PractitionerFacts facts, RuleSets ruleSets, EligibilityQuery query) {
        return ruleSets.serving(facts.profileAt(query.effectiveAsOf()).jurisdiction(), query.year());
    }

    /**
     * The practitioner's profile at a date: as registered, with every correction, and with the
     * transfers effective on or before the date (the fold every evaluation uses).
     *
     * @throws UnregisteredPractitionerException when the facts hold no registration
     */
    public PractitionerProfile profileAt(List<RecordedFact> facts, LocalDate date) {
        return profileAt(PractitionerFacts.of(facts), date);
    }

    public PractitionerProfile profileAt(PractitionerFacts facts, LocalDate date) {
        return facts.profileAt(date);
    }

    /**
     * Per-year totals (API.md {@code /years}) for every credit year that has a fact, each under the
     * rule set serving that year for the practitioner's jurisdiction on 31 December of it. A year
     * no rule set serves is listed with status {@code NO_RULE_SET}, no rule set and no items.
     * Whether a reassigned award moves is decided by the rule set serving the year it was earned
     * in, so every award counts in exactly one year.
     */
    public List<YearTotals> years(List<RecordedFact> facts, RuleSets ruleSets) {
        return years(PractitionerFacts.of(facts), ruleSets);
    }

    /** As {@link #years(List, RuleSets)}, on facts folded once. */
    public List<YearTotals> years(PractitionerFacts f, RuleSets ruleSets) {
        List<YearTotals> result = new ArrayList<>();
        Set<Integer> yearsOfOtherFacts = f.creditYearsOfFactsInSomeYear();
        for (int year : f.creditYears()) {
            PractitionerProfile profile = f.profileAt(LocalDate.of(year, 12, 31));
            RuleSet ruleSet = ruleSets.findServing(profile.jurisdiction(), year).orElse(null);
            if (ruleSet == null) {
                // Title exams alone do not make a year: some rule sets value them in no year (§4.2).
                if (yearsOfOtherFacts.contains(year)) {
                    result.add(new YearTotals(year, null, Hours.ZERO, Hours.ZERO, Hours.ZERO, YearStatus.NO_RULE_SET, List.of()));
                }
                continue;
            }
            Crediting crediting = new Crediting(ruleSet, profile, null, own -> {
                PractitionerProfile then = f.profileAt(LocalDate.of(own, 12, 31));
                return ruleSets.findServing(then.jurisdiction(), own).orElse(ruleSet).crediting().makeUp();
            });
            addIfValued(result, ruleSet, crediting.years(f, new int[]{year}).get(year));
        }
        return result;
    }

    /** Per-year totals for every credit year that has a fact, all under one rule set (replay, what-if). */
    public List<YearTotals> years(List<RecordedFact> facts, RuleSet ruleSet) {
        PractitionerFacts f = PractitionerFacts.of(facts);
        List<YearTotals> result = new ArrayList<>();
        for (int year : f.creditYears()) {
            PractitionerProfile profile = f.profileAt(LocalDate.of(year, 12, 31));
            Crediting crediting = new Crediting(ruleSet, profile, null);
            addIfValued(result, ruleSet, crediting.years(f, new int[]{year}).get(year));
        }
        return result;
    }

    // ---- rows and outcome ---------------------------------------------------------------------

    private static List<Requirement> rows(RequirementShape shape, Map<Integer, YearCredit> credits, Crediting crediting,
                                          PractitionerFacts f, int evaluationYear) {
        List<Requirement> rows = new ArrayList<>(shape.lines.size());
        WindowSums sums = shape.hasWindowLines() ? windowSums(shape, credits, crediting, f, evaluationYear) : null;
        for (RequirementShape.Line line : shape.lines) {
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

    private static boolean met(RequirementShape shape, List<Requirement> rows) {
        if (!shape.anyOneYear) {
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
        BigDecimal part = professionalPart(shape);
        if (exam != null && part != null) {
            profItems.add(crediting.windowPartDeemed(exam, prof, part));
            prof = Hours.max(prof, part);
        }
        return new WindowSums(pub, prof, pubItems, profItems);
    }

    /** The professional part of a window requirement: its PROFESSIONAL minimum, else TOTAL minus PUBLIC. */
    private static BigDecimal professionalPart(RequirementShape shape) {
        RequirementShape.Line prof = shape.windowLine(Measure.PROFESSIONAL);
        if (prof != null) {
            return prof.required();
        }
        RequirementShape.Line total = shape.windowLine(Measure.TOTAL);
        if (total == null) {
            return null;
        }
        RequirementShape.Line pub = shape.windowLine(Measure.PUBLIC);
        return pub == null ? total.required() : Hours.max(Hours.ZERO, total.required().subtract(pub.required()));
    }

    // ---- yearly view ----------------------------------------------------------------------------

    private static YearTotals totals(RuleSet ruleSet, YearCredit year) {
        Minimums m = ruleSet.yearlyMinimums();
        BigDecimal pub = year.credited(Category.PUBLIC);
        BigDecimal prof = year.credited(Category.PROFESSIONAL);
        BigDecimal total = year.total();
        boolean met = pub.compareTo(m.publicHours().value()) >= 0
                && prof.compareTo(m.professionalHours().value()) >= 0
                && total.compareTo(m.totalHours().value()) >= 0;
        return new YearTotals(year.year, RuleSetRef.of(ruleSet), pub, prof, total,
                met ? YearStatus.MET : YearStatus.NOT_MET, year.allItems());
    }

    /** Adds a year's totals unless nothing landed in it (an NX title exam belongs to no year). */
    private static void addIfValued(List<YearTotals> result, RuleSet ruleSet, YearCredit year) {
        if (!year.allItems().isEmpty()) {
            result.add(totals(ruleSet, year));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static AppliedRelief first(List<AppliedRelief> applied, ReliefEffect effect) {
        for (AppliedRelief r : applied) {
            if (r.effect() == effect) {
                return r;
            }
        }
        return null;
    }

    private static AppliedRelief find(List<AppliedRelief> applied, ReliefKind kind) {
        for (AppliedRelief r : applied) {
            if (r.kind() == kind && r.effect() == ReliefEffect.REQUIREMENT_MODIFIER) {
                return r;
            }
        }
        return null;
    }

    private static List<Relief> traces(List<AppliedRelief> applied, AppliedRelief decisive) {
        if (applied.isEmpty()) {
            return List.of();
        }
        List<Relief> traces = new ArrayList<>(applied.size());
        for (AppliedRelief r : applied) {
            traces.add(r.trace(r == decisive));
        }
        return Collections.unmodifiableList(traces);
    }

    private static List<Integer> years(int[] window) {
        List<Integer> years = new ArrayList<>(window.length);
        for (int y : window) {
            years.add(y);
        }
        return Collections.unmodifiableList(years);
    }

    /** Assembles a decision from the parts every outcome shares. */
    private record Builder(PractitionerFacts facts, RuleSet ruleSet, EligibilityQuery query, LocalDate asOf) {
        Decision build(Outcome outcome, Status referenceStatus, List<Integer> window, List<Relief> reliefs,
                       List<Requirement> requirements) {
            return new Decision(facts.practitionerId, query.purpose(), query.level(), query.year(), asOf,
                    RuleSetRef.of(ruleSet), outcome, outcome.eligible(), referenceStatus, window, reliefs,
                    requirements, facts.upToSequence);
        }
    }
}
