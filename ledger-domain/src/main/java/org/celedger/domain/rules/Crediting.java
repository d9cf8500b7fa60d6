package org.celedger.domain.rules;

import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.practitioner.ConversionRevoked;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.awards.AwardCrediting;
import org.celedger.domain.rules.conversions.ConversionFact;
import org.celedger.domain.rules.conversions.CreditYear;
import org.celedger.domain.rules.conversions.Conversions;
import org.celedger.domain.rules.model.Cited;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Values facts in hours under one rule set (RULES.md §4): it hands awards to
 * {@link org.celedger.domain.rules.awards} (§4.1) and conversions to {@link org.celedger.domain.rules.conversions}
 * (§4.2), and keeps what they share: the years in scope, the as-of date and revocations of conversions. Every fact that lands in a year in
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
        IntFunction<CreditYear> inScope = years::get;
        AwardCrediting awards = ruleSet.awards();
        for (PractitionerFacts.Award award : facts.awards) {
            awards.credit(award.asFact(), inScope, ruleSet.id(), profile.sector(), asOf, makeUpOfOwnYear);
        }
        for (PractitionerFacts.Conversion conversion : facts.conversions) {
            YearCredit year = years.get(conversion.conversion.date().getYear());
            if (year != null) {
                credit(conversion, year);
            }
        }
        return years;
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
