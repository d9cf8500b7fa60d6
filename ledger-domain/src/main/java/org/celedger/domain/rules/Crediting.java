package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.practitioner.ConversionRevoked;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditReassigned;
import org.celedger.domain.practitioner.CreditRevoked;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.conversions.ConversionFact;
import org.celedger.domain.rules.conversions.Conversions;
import org.celedger.domain.rules.model.ActivityRule;
import org.celedger.domain.rules.model.Cited;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Values facts in hours under one rule set (RULES.md §4): awards by activity and category with
 * minute conversion and make-up (§4.1), and conversions, each valued by its kind (§4.2,
 * {@link org.celedger.domain.rules.conversions}). Every fact that lands in a year in
 * scope becomes an item of that year, those that count nothing with the reason, so a figure can
 * always be explained. The window-level credits (NX exams, NX professional part deemed met) are
 * separate because they belong to no credit year.
 */
final class Crediting {

    private final RuleSet ruleSet;
    private final PractitionerProfile profile;
    private final LocalDate asOf;
    private final IntFunction<Cited<Boolean>> makeUpOfOwnYear;

    /**
     * @param profile         the profile whose sector decides sector-limited activities and whose
     *                        title decides the NX exam rule
     * @param asOf            facts dated after it count nothing (null: no cut-off, as in the yearly view)
     * @param makeUpOfOwnYear whether an award earned in a year may move to its make-up target year
     */
    Crediting(RuleSet ruleSet, PractitionerProfile profile, LocalDate asOf, IntFunction<Cited<Boolean>> makeUpOfOwnYear) {
        this.ruleSet = ruleSet;
        this.profile = profile;
        this.asOf = asOf;
        this.makeUpOfOwnYear = makeUpOfOwnYear;
    }

    /** A crediting where the rule set itself says whether make-up moves awards (one rule set for every fact). */
    Crediting(RuleSet ruleSet, PractitionerProfile profile, LocalDate asOf) {
        this(ruleSet, profile, asOf, own -> ruleSet.crediting().makeUp());
    }

    /** The credit of every year in scope, ascending; a year in scope with no fact is present and empty. */
    Map<Integer, YearCredit> years(PractitionerFacts facts, int[] scope) {
        Map<Integer, YearCredit> years = new TreeMap<>();
        for (int y : scope) {
            years.put(y, new YearCredit(y));
        }
        IntPredicate inScope = years::containsKey;
        for (PractitionerFacts.Award award : facts.awards) {
            credit(award, years, inScope);
        }
        for (PractitionerFacts.Conversion conversion : facts.conversions) {
            int year = conversion.conversion.date().getYear();
            if (inScope.test(year)) {
                credit(conversion, years.get(year));
            }
        }
        return years;
    }

    // ---- awards (§4.1) -----------------------------------------------------------------------

    private void credit(PractitionerFacts.Award a, Map<Integer, YearCredit> years, IntPredicate inScope) {
        CreditAwarded award = a.award;
        int own = award.year();
        CreditReassigned reassignment = a.reassignment();
        Cited<Boolean> makeUp = reassignment == null ? null : makeUpOfOwnYear.apply(own);
        boolean moved = reassignment != null && makeUp.value() && reassignment.targetYear() != own;
        int year = moved ? reassignment.targetYear() : own;

        if (moved && inScope.test(own)) {
            // The award leaves its own year: show it there with 0 so the year's figure is explained.
            years.get(own).add(new Contribution(a.fact.sequence(), "CreditAwarded", award.awardId(), Hours.ZERO,
                    makeUp.cite(), award.category(), "moved to " + year + " as make-up study (补学往年) by sequence "
                    + a.reassignedBy.sequence()));
        }
        if (!inScope.test(year)) {
            return;
        }
        ActivityRule rule = ruleSet.crediting().activities().get(award.activity());
        Cited<Set<Category>> allowed = rule.allowedFor(profile.sector());
        BigDecimal hours;
        String citation = allowed.cite();
        if (award.hours() != null) {
            hours = Hours.truncate(award.hours());
        } else {
            Cited<Integer> minutesPerHour = ruleSet.crediting().minutesPerHour();
            int minutes = award.minutes() == null ? 0 : award.minutes();
            hours = Hours.ofMinutes(minutes, minutesPerHour.value());
            citation = citation + "; " + minutes + " min at " + minutesPerHour.value() + " min = 1 h: " + minutesPerHour.cite();
        }

        List<String> notes = new ArrayList<>(2);
        if (moved) {
            notes.add("make-up study of " + year + ", earned in " + own + " (" + makeUp.cite() + ", sequence "
                    + a.reassignedBy.sequence() + ")");
        } else if (reassignment != null && reassignment.targetYear() != own) {
            notes.add("reassignment to " + reassignment.targetYear() + " (sequence " + a.reassignedBy.sequence()
                    + ") not applied: no make-up under " + ruleSet.id() + " (" + makeUp.cite() + ")");
        }
        BigDecimal counted = hours;
        if (a.revokedBy != null) {
            CreditRevoked revocation = (CreditRevoked) a.revokedBy.event();
            counted = Hours.ZERO;
            notes.add("revoked by sequence " + a.revokedBy.sequence() + " (" + revocation.cause()
                    + (revocation.causeReference() == null ? "" : " " + revocation.causeReference()) + ": "
                    + revocation.reason() + "); was " + hours);
        } else if (asOf != null && award.completedOn() != null && award.completedOn().isAfter(asOf)) {
            counted = Hours.ZERO;
            notes.add("completed on " + award.completedOn() + ", after the as-of date " + asOf + "; was " + hours);
        } else if (!allowed.value().contains(award.category())) {
            counted = Hours.ZERO;
            notes.add(allowed.value().isEmpty()
                    ? award.activity() + " is not recognised under " + ruleSet.id() + "; was " + hours
                    : award.activity() + " may serve only " + allowed.value() + " under " + ruleSet.id()
                      + ", not " + award.category() + "; was " + hours);
        }
        years.get(year).add(new Contribution(a.fact.sequence(), "CreditAwarded", award.awardId(), counted, citation,
                award.category(), notes.isEmpty() ? null : String.join("; ", notes)));
    }

    // ---- conversions valued in a year (§4.2) ---------------------------------------------------

    private void credit(PractitionerFacts.Conversion c, YearCredit year) {
        ConversionRecorded conversion = c.conversion;
        Conversions rules = ruleSet.conversions();
        // The NX exam credits belong to no year and do not appear in the yearly view (§4.2).
        if (rules.inNoYear(conversion)) {
            return;
        }
        if (c.revokedBy != null) {
            ConversionRevoked revocation = (ConversionRevoked) c.revokedBy.event();
            year.add(zero(c, rules,
                    "revoked by sequence " + c.revokedBy.sequence() + " (" + revocation.reason() + ")"));
            return;
        }
        if (asOf != null && conversion.date().isAfter(asOf)) {
            year.add(zero(c, rules,
                    "dated " + conversion.date() + ", after the as-of date " + asOf));
            return;
        }
        rules.valueInYear(c.fact, year, ruleSet.id(), ruleSet.yearlyMinimums());
    }

    // ---- window-level credits (§4.2: NX exams, NX professional part deemed met) ----------------

    /**
     * The credits a window receives whole, not through a year: an NX title language or computer
     * exam passed on any date up to the as-of date, once per window, for evaluation years up to
     * the rule's last one.
     */
    List<Contribution> windowCredits(PractitionerFacts facts, int evaluationYear) {
        return ruleSet.conversions().windowCredits(facts.conversionFacts(), asOf, evaluationYear);
    }

    /**
     * The qualification exam that deems the professional part of the window met (NX-2022 一(三)3),
     * or null; {@code rejected} receives the exams that do not, with the reason.
     */
    ConversionFact windowDeemingExam(PractitionerFacts facts, List<Contribution> rejected) {
        return ruleSet.conversions().windowDeemingExam(facts.conversionFacts(), asOf, profile, rejected);
    }

    /** The item deeming the window's professional part met: from {@code actual} up to {@code part}. */
    Contribution windowPartDeemed(ConversionFact exam, BigDecimal actual, BigDecimal part) {
        return ruleSet.conversions().windowPartDeemed(exam, actual, part);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Contribution zero(PractitionerFacts.Conversion c, Conversions rules, String note) {
        ConversionRecorded conversion = c.conversion;
        return new Contribution(c.fact.sequence(), rules.eventTypeOf(conversion), conversion.conversionId(), Hours.ZERO,
                rules.citationOf(conversion), rules.categoryOf(conversion), note);
    }
}
