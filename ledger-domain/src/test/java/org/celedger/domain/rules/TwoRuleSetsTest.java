package org.celedger.domain.rules;

import org.celedger.domain.practitioner.TitleLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.rules.ConversionTableTest.row;
import static org.celedger.domain.rules.Rules.ENGINE;
import static org.celedger.domain.rules.Rules.SETS;
import static org.celedger.domain.rules.Rules.h;
import static org.celedger.domain.rules.Rules.set;

/**
 * One evaluation applies one rule set to every fact (RULES.md §3): the same facts replayed under
 * another rule set give the decision its documents imply, and the traces say why.
 */
class TwoRuleSetsTest {

    /** 20 PUBLIC and 40 PROFESSIONAL hours a year, 2018–2021: 60 a year, never the 90 of a yearly minimum. */
    private static List<RecordedFact> sixtyAYear() {
        Facts f = Facts.practitioner();
        for (int y = 2018; y <= 2021; y++) {
            f.year(y, "20", "40");
        }
        return f.list();
    }

    @Test
    void im2017WindowTotalOf170IsMetWhereIm2022YearlyMinimumsAreNot() {
        EligibilityQuery query = EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2021);

        Decision byDefault = ENGINE.evaluate(sixtyAYear(), SETS, query);
        Decision replayed = ENGINE.evaluate(sixtyAYear(), set("IM-2022"), query);

        // IM-2017 三(一): 近三年 (2018–2020, I-5) 连续参加, total 170 → 180 credited: MET.
        assertThat(byDefault.ruleSet().id()).isEqualTo("IM-2017");
        assertThat(byDefault.outcome()).isEqualTo(Outcome.MET);
        assertThat(byDefault.window()).containsExactly(2018, 2019, 2020);
        Requirement windowTotal = row(byDefault, "window", Measure.TOTAL);
        assertThat(windowTotal.required()).isEqualTo(h("170"));
        assertThat(windowTotal.credited()).isEqualTo(h("180"));
        assertThat(windowTotal.citation()).contains("IM-2017 三(一)");
        assertThat(windowTotal.contributions()).hasSize(6)
                .allSatisfy(c -> assertThat(c.citation()).isNotBlank());
        assertThat(byDefault.requirements()).filteredOn(r -> r.rule() == RowKind.PARTICIPATION).hasSize(6)
                .allSatisfy(r -> assertThat(r.met()).isTrue());

        // IM-2022 二(一): 近三年 including E (2019–2021), each year 30/60/90 → 60 a year: NOT_MET.
        assertThat(replayed.ruleSet().id()).isEqualTo("IM-2022");
        assertThat(replayed.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(replayed.window()).containsExactly(2019, 2020, 2021);
        for (String year : List.of("2019", "2020", "2021")) {
            Requirement total = row(replayed, year, Measure.TOTAL);
            assertThat(total.required()).isEqualTo(h("90"));
            assertThat(total.credited()).isEqualTo(h("60"));
            assertThat(total.shortfall()).isEqualTo(h("30"));
            assertThat(total.citation()).isEqualTo("IM-2022 一");
            assertThat(row(replayed, year, Measure.PUBLIC).shortfall()).isEqualTo(h("10"));
            assertThat(row(replayed, year, Measure.PROFESSIONAL).shortfall()).isEqualTo(h("20"));
        }
        assertThat(replayed.ruleSet().version()).isNotEqualTo(byDefault.ruleSet().version());
    }

    @Test
    void theYearlyViewUnderEachYearsRuleSetNamesIt() {
        List<YearTotals> years = ENGINE.years(sixtyAYear(), SETS);

        assertThat(years).extracting(y -> y.ruleSet().id()).containsExactly("IM-2017", "IM-2017", "IM-2017", "IM-2017");
        assertThat(years).extracting(YearTotals::totalHours).containsOnly(h("60"));
        assertThat(years).extracting(YearTotals::status).containsOnly(YearStatus.NOT_MET);
    }

    @Test
    void aWhatIfVariantDecidesDifferentlyUnderItsOwnHash() {
        // IM-2025 without the partial age relief: a man of 52 with one full year no longer qualifies.
        RuleSet variant = SETS.variant("IM-2025", java.util.Map.of("reliefs.agePartial.mode", "NONE"));
        Facts facts = ReliefTableTest.person(set("IM-2025"), ReliefTableTest.man(1973, 1, 1)).fullYear(2024);
        EligibilityQuery query = EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2025);

        Decision baseline = ENGINE.evaluate(facts.list(), set("IM-2025"), query);
        Decision candidate = ENGINE.evaluate(facts.list(), variant, query);

        assertThat(baseline.outcome()).isEqualTo(Outcome.MET);
        assertThat(candidate.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(candidate.ruleSet().id()).isEqualTo("IM-2025+variant");
        assertThat(candidate.ruleSet().version()).startsWith("sha256:").isNotEqualTo(baseline.ruleSet().version());
        assertThat(candidate.reliefs()).isEmpty();
    }
}
