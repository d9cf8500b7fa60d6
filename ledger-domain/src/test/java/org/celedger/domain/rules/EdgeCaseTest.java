package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.ProfileChanges;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.practitioner.TransferKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.celedger.domain.rules.ConversionTableTest.row;
import static org.celedger.domain.rules.Rules.ENGINE;
import static org.celedger.domain.rules.Rules.SETS;
import static org.celedger.domain.rules.Rules.h;
import static org.celedger.domain.rules.Rules.set;

/** The edge cases the issue names, and the guarantees the projections rely on. */
class EdgeCaseTest {

    @Test
    void aBirthdayOnTheAsOfDateCountsAsReachingTheAge() {
        // I-9: age at the as-of date; 满55周岁 is reached on the birthday itself.
        Facts facts = ReliefTableTest.person(set("IM-2025"), ReliefTableTest.man(1970, 6, 30));
        EligibilityQuery query = EligibilityQuery.title(TitleLevel.SENIOR, 2025);

        Decision onBirthday = ENGINE.evaluate(facts.list(), set("IM-2025"), query.asOf(LocalDate.of(2025, 6, 30)));
        Decision dayBefore = ENGINE.evaluate(facts.list(), set("IM-2025"), query.asOf(LocalDate.of(2025, 6, 29)));

        assertThat(onBirthday.outcome()).isEqualTo(Outcome.NOT_LIMITING);
        assertThat(onBirthday.reliefs()).extracting(Relief::kind).containsExactly(ReliefKind.AGE_FULL, ReliefKind.AGE_PARTIAL);
        assertThat(onBirthday.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(dayBefore.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(dayBefore.reliefs()).extracting(Relief::kind).containsExactly(ReliefKind.AGE_PARTIAL);
    }

    @Test
    void minutesConvertAtFortyFiveAHourTruncatedToOneDecimal() {
        // IM-MEASURES-2017 第十条, IM-2025 一(四): 1,349 min = 29.97… h → 29.9; 1,350 min = 30.0 h.
        List<RecordedFact> short1349 = Facts.practitioner()
                .awardMinutes("m", 2025, Category.PUBLIC, Activity.ONLINE_PLATFORM, 1349)
                .award("p", 2025, Category.PROFESSIONAL, Activity.BASE_TRAINING, "60").list();
        List<RecordedFact> exact1350 = Facts.practitioner()
                .awardMinutes("m", 2025, Category.PUBLIC, Activity.ONLINE_PLATFORM, 1350)
                .award("p", 2025, Category.PROFESSIONAL, Activity.BASE_TRAINING, "60").list();
        EligibilityQuery junior = EligibilityQuery.title(TitleLevel.JUNIOR, 2025);

        Decision shortOf = ENGINE.evaluate(short1349, set("IM-2025"), junior);
        Decision met = ENGINE.evaluate(exact1350, set("IM-2025"), junior);

        assertThat(row(shortOf, "2025", Measure.PUBLIC).credited()).isEqualTo(h("29.9"));
        assertThat(row(shortOf, "2025", Measure.PUBLIC).shortfall()).isEqualTo(h("0.1"));
        assertThat(shortOf.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(row(met, "2025", Measure.PUBLIC).credited()).isEqualTo(h("30.0"));
        assertThat(met.outcome()).isEqualTo(Outcome.MET);
        assertThat(row(met, "2025", Measure.PUBLIC).contributions()).singleElement()
                .satisfies(c -> assertThat(c.citation()).contains("1350 min at 45 min = 1 h", "IM-MEASURES-2017 第十条"));
    }

    @Test
    void aWindowCutToNoYearsIsWaived() {
        // IM-2025 一(五)6: title obtained in 2025, exceptional application for 2025: no year after it is left.
        Facts facts = ReliefTableTest.person(set("IM-2025"), ReliefTableTest.obtained(LocalDate.of(2025, 3, 1)));

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2025"),
                EligibilityQuery.title(TitleLevel.ASSOCIATE_SENIOR, 2025).exceptionalApplication());

        assertThat(d.outcome()).isEqualTo(Outcome.WAIVED);
        assertThat(d.eligible()).isTrue();
        assertThat(d.window()).isEmpty();
        assertThat(d.requirements()).isEmpty();
        assertThat(d.reliefs()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReliefKind.EXCEPTIONAL_PROMOTION);
            assertThat(r.decisive()).isTrue();
            assertThat(r.detail()).contains("removes [2023, 2024, 2025]");
        });
    }

    @Test
    void aRevokedAwardCountsNothingAndSaysWhy() {
        Facts facts = Facts.practitioner().fullYear(2025).revoke("pub-2025");

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2025"), EligibilityQuery.title(TitleLevel.JUNIOR, 2025));
        YearTotals year = ENGINE.years(facts.list(), SETS).get(0);

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(row(d, "2025", Measure.PUBLIC).credited()).isEqualTo(h("0"));
        assertThat(row(d, "2025", Measure.PUBLIC).contributions()).singleElement().satisfies(c -> {
            assertThat(c.hours()).isEqualTo(h("0"));
            assertThat(c.sequence()).isEqualTo(1);
            assertThat(c.note()).contains("revoked by sequence 3", "was 30.0");
        });
        assertThat(year.publicHours()).isEqualTo(h("0"));
        assertThat(year.status()).isEqualTo(YearStatus.NOT_MET);
        assertThat(year.items()).hasSize(2);
    }

    @Test
    void evaluatingTheFactsKnownAtAnInstantReproducesWhatWasDecidedThen() {
        Facts facts = Facts.practitioner().fullYear(2025);
        EligibilityQuery junior = EligibilityQuery.title(TitleLevel.JUNIOR, 2025);
        Decision then = ENGINE.evaluate(facts.list(), set("IM-2025"), junior);
        facts.revoke("pub-2025");

        Decision now = ENGINE.evaluate(facts.list(), set("IM-2025"), junior);
        Decision replayed = ENGINE.evaluate(facts.upTo(2), set("IM-2025"), junior);

        assertThat(then.outcome()).isEqualTo(Outcome.MET);
        assertThat(then.upToSequence()).isEqualTo(2L);
        assertThat(now.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(now.upToSequence()).isEqualTo(3L);
        assertThat(replayed).isEqualTo(then);
    }

    @Test
    void aReassignmentUnderARuleSetWithoutMakeUpLeavesTheAwardInItsOwnYear() {
        // I-3: IM-2022 does not mention make-up; IM-2025 一(二) allows it.
        Facts facts = Facts.practitioner()
                .award("a", 2024, Category.PROFESSIONAL, Activity.BASE_TRAINING, "60").reassign("a", 2024, 2023);

        List<YearTotals> underIm2022 = ENGINE.years(facts.list(), set("IM-2022"));
        List<YearTotals> underIm2025 = ENGINE.years(facts.list(), set("IM-2025"));

        assertThat(underIm2022).extracting(YearTotals::year, YearTotals::professionalHours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2024, h("60")));
        assertThat(underIm2022.get(0).items().get(0).note()).contains("not applied", "I-3");
        assertThat(underIm2025).extracting(YearTotals::year, YearTotals::professionalHours).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2023, h("60")), org.assertj.core.groups.Tuple.tuple(2024, h("0")));
        assertThat(underIm2025.get(1).items().get(0).note()).contains("moved to 2023");
    }

    @Test
    void inTheDefaultYearlyViewTheRuleSetOfTheYearEarnedDecidesAMakeUp() {
        // Earned in 2025 (IM-2025 allows make-up) for 2024 (served by IM-2022): counts once, in 2024.
        Facts facts = Facts.practitioner()
                .award("a", 2025, Category.PROFESSIONAL, Activity.BASE_TRAINING, "60").reassign("a", 2025, 2024);

        List<YearTotals> years = ENGINE.years(facts.list(), SETS);

        assertThat(years).extracting(YearTotals::year, y -> y.ruleSet().id(), YearTotals::professionalHours).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2024, "IM-2022", h("60")),
                org.assertj.core.groups.Tuple.tuple(2025, "IM-2025", h("0")));
    }

    @Test
    void aQualificationExamOutsideTheRegionIsNotValuedInInnerMongolia() {
        // IM-2022 三(六) "凡在自治区参加"; IM-2017 三(三) "自治区范围内".
        Facts facts = Facts.practitioner().award("a", 2023, Category.PROFESSIONAL, Activity.BASE_TRAINING, "20")
                .qualificationExam(LocalDate.of(2023, 5, 1), false);
        Facts im2017 = Facts.practitioner().qualificationExam(LocalDate.of(2019, 5, 1), false);

        YearTotals y2023 = ENGINE.years(facts.list(), set("IM-2022")).get(0);
        YearTotals y2019 = ENGINE.years(im2017.list(), set("IM-2017")).get(0);

        assertThat(y2023.professionalHours()).isEqualTo(h("20"));
        assertThat(y2023.items()).filteredOn(i -> i.eventType().equals("QualificationExamPassed")).singleElement()
                .satisfies(i -> assertThat(i.note()).isEqualTo("passed outside the region"));
        assertThat(y2019.professionalHours()).isEqualTo(h("0"));
    }

    @Test
    void nxTitleExamConversionsCountFor2022AndNotFor2023() {
        // NX-2022 一(三)2 "此项政策截止 2022 年年底": the same facts, evaluation years 2022 and 2023.
        Facts facts = Facts.in(Jurisdiction.NX).languageExam(LocalDate.of(2015, 5, 1)).computerExam(LocalDate.of(2016, 5, 1), 2);
        for (int y = 2018; y <= 2022; y++) {
            facts.year(y, "20", "70");
        }

        Decision d2022 = ENGINE.evaluate(facts.list(), SETS, EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2022));
        Decision d2023 = ENGINE.evaluate(facts.list(), SETS, EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2023));

        assertThat(d2022.ruleSet().id()).isEqualTo("NX-2022");
        assertThat(d2023.ruleSet().id()).isEqualTo("NX-2022");
        assertThat(row(d2022, "window", Measure.PUBLIC).credited()).isEqualTo(h("140"));
        assertThat(d2022.outcome()).isEqualTo(Outcome.MET);
        assertThat(d2023.window()).containsExactly(2019, 2020, 2021, 2022);
        assertThat(row(d2023, "window", Measure.PUBLIC).credited()).isEqualTo(h("80"));
        assertThat(row(d2023, "window", Measure.PUBLIC).contributions())
                .filteredOn(c -> !c.eventType().equals("CreditAwarded"))
                .hasSize(2).allSatisfy(c -> assertThat(c.note()).contains("up to 2022"));
        assertThat(d2023.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void eventTypesTheEngineDoesNotValueAreIgnored() {
        record EligibilityCertified(String practitionerId, String outcome) implements PractitionerEvent {
        }
        Facts facts = Facts.practitioner().fullYear(2025).add(new EligibilityCertified(Facts.ID, "MET"));

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2025"), EligibilityQuery.title(TitleLevel.JUNIOR, 2025));

        assertThat(d.outcome()).isEqualTo(Outcome.MET);
        assertThat(d.upToSequence()).isEqualTo(3L);
    }

    @Test
    void theJurisdictionAtTheAsOfDateChoosesTheDefaultRuleSet() {
        Facts facts = Facts.practitioner()
                .transfer(TransferKind.BETWEEN_REGIONS, LocalDate.of(2025, 7, 1), Jurisdiction.NX, Sector.STATE_ENTERPRISE);
        EligibilityQuery q = EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2025);

        assertThat(ENGINE.evaluate(facts.list(), SETS, q.asOf(LocalDate.of(2025, 6, 30))).ruleSet().id()).isEqualTo("IM-2025");
        assertThat(ENGINE.evaluate(facts.list(), SETS, q).ruleSet().id()).isEqualTo("NX-2022");
    }

    @Test
    void aCorrectionAppliesWhateverItsDate() {
        // The birth date was wrong: corrected later, it holds for every evaluation.
        Facts facts = Facts.practitioner().correct(new ProfileChanges(null, null, LocalDate.of(1960, 1, 1), null, null,
                null, null, null, null, null, null));

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2022"), EligibilityQuery.title(TitleLevel.SENIOR, 2022));

        assertThat(d.outcome()).isEqualTo(Outcome.WAIVED);
        assertThat(d.reliefs()).filteredOn(Relief::decisive).extracting(Relief::kind).containsExactly(ReliefKind.AGE_FULL);
    }

    @Test
    void anAwardCompletedAfterTheAsOfDateDoesNotCountYet() {
        Facts facts = Facts.practitioner().add(new CreditAwarded(Facts.ID, "late", 2025, Category.PUBLIC,
                Activity.ONLINE_PLATFORM, new BigDecimal("30"), null, null, null, "人社局", null, LocalDate.of(2025, 11, 1)));

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2025"),
                EligibilityQuery.title(TitleLevel.JUNIOR, 2025).asOf(LocalDate.of(2025, 10, 1)));

        assertThat(row(d, "2025", Measure.PUBLIC).credited()).isEqualTo(h("0"));
        assertThat(row(d, "2025", Measure.PUBLIC).contributions().get(0).note()).contains("after the as-of date");
    }

    @Test
    void aYearNoRuleSetServesIsAClearError() {
        Facts facts = Facts.practitioner().fullYear(2015);

        assertThatThrownBy(() -> ENGINE.evaluate(facts.list(), SETS, EligibilityQuery.title(TitleLevel.JUNIOR, 2016)))
                .isInstanceOf(NoRuleSetException.class)
                .hasMessageContaining("2016").hasMessageContaining("IM");
        assertThat(ENGINE.years(facts.list(), SETS)).singleElement().satisfies(y -> {
            assertThat(y.status()).isEqualTo(YearStatus.NO_RULE_SET);
            assertThat(y.ruleSet()).isNull();
        });
    }

    @Test
    void factsWithoutARegistrationCannotBeEvaluated() {
        assertThatThrownBy(() -> ENGINE.evaluate(List.of(), set("IM-2025"), EligibilityQuery.title(TitleLevel.JUNIOR, 2025)))
                .isInstanceOf(UnregisteredPractitionerException.class);
    }

    @Test
    void aQueryNamesItsBadField() {
        assertThatThrownBy(() -> new EligibilityQuery(Purpose.TITLE_EVALUATION, "BACHELOR_TO_ASSISTANT", 2025, null, false))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("level"));
        assertThatThrownBy(() -> new EligibilityQuery(Purpose.ASSESSMENT_RECOGNITION, "SENIOR", 2025, null, false))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("level"));
        assertThatThrownBy(() -> new EligibilityQuery(Purpose.TITLE_EVALUATION, "NONE", 2025, null, false))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("level"));
        assertThatThrownBy(() -> new EligibilityQuery(null, "SENIOR", 2025, null, false))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("purpose"));
        assertThatThrownBy(() -> new EligibilityQuery(Purpose.TITLE_EVALUATION, "SENIOR", 25, null, false))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("year"));
    }
}
