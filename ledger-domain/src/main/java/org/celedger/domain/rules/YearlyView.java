package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.model.Minimums;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The yearly view (API.md {@code /years}, RULES.md §5 last paragraph): per credit year the hours
 * credited, MET when PUBLIC, PROFESSIONAL and total reach the rule set's yearly minimums
 * ({@code IM-MEASURES-2017 第十一条}; NX by I-8). A year appears when a fact lands in it.
 */
final class YearlyView {

    private YearlyView() {
    }

    /** Each year under the rule set serving it (see {@link RuleEngine#years(List, RuleSets)}). */
    static List<YearTotals> years(PractitionerFacts f, RuleSets ruleSets) {
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
            // rule-sets README 5: make-up follows the rule set of the year the award was earned in.
            Crediting crediting = new Crediting(ruleSet, profile, null, own -> {
                PractitionerProfile then = f.profileAt(LocalDate.of(own, 12, 31));
                return ruleSets.findServing(then.jurisdiction(), own).orElse(ruleSet).crediting().makeUp();
            });
            addIfValued(result, ruleSet, crediting.years(f, new int[]{year}).get(year));
        }
        return result;
    }

    /** Every year under one rule set (replay, what-if). */
    static List<YearTotals> years(PractitionerFacts f, RuleSet ruleSet) {
        List<YearTotals> result = new ArrayList<>();
        for (int year : f.creditYears()) {
            PractitionerProfile profile = f.profileAt(LocalDate.of(year, 12, 31));
            Crediting crediting = new Crediting(ruleSet, profile, null);
            addIfValued(result, ruleSet, crediting.years(f, new int[]{year}).get(year));
        }
        return result;
    }

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
}
