package org.celedger.domain.rules;

import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.model.AgePartialMode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.RequirementRule;
import org.celedger.domain.rules.reliefs.AppliedRelief;
import org.celedger.domain.rules.reliefs.CutWindow;
import org.celedger.domain.rules.reliefs.ReliefContext;
import org.celedger.domain.rules.requirements.RequirementShape;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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
        CutWindow cut = CutWindow.of(baseWindow, applied);
        int[] window = cut.years();
        if (cut.empty()) {
            if (notLimiting != null) {
                // Nothing left to require: the reference is met by definition.
                return d.build(Outcome.NOT_LIMITING, Status.MET, List.of(), traces(applied, notLimiting), List.of());
            }
            return d.build(Outcome.WAIVED, null, List.of(), traces(applied, cut.emptiedBy()), List.of());
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
        List<Requirement> rows = RequirementRows.of(shape, credits, crediting, f, query.year());
        boolean met = shape.met(rows);

        List<Integer> windowYears = years(window);
        if (notLimiting != null) {
            return d.build(Outcome.NOT_LIMITING, met ? Status.MET : Status.NOT_MET, windowYears,
                    traces(applied, notLimiting), rows);
        }
        AppliedRelief decisive = partial != null ? partial : master != null ? master : cut.firstCut();
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
        return YearlyView.years(f, ruleSets);
    }

    /** Per-year totals for every credit year that has a fact, all under one rule set (replay, what-if). */
    public List<YearTotals> years(List<RecordedFact> facts, RuleSet ruleSet) {
        return YearlyView.years(PractitionerFacts.of(facts), ruleSet);
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
