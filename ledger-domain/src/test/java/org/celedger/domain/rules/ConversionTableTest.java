package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.TitleLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.rules.Rules.ENGINE;
import static org.celedger.domain.rules.Rules.h;
import static org.celedger.domain.rules.Rules.set;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * RULES.md §4.2: what each conversion fact is worth under each rule set, one case per cell.
 * Cells valued in a credit year are checked in the yearly view; the NX window-level cells
 * (exams once per window, professional part deemed met, degree across the window's edge) in a decision.
 */
class ConversionTableTest {

    private static final LocalDate D2019 = LocalDate.of(2019, 5, 10);
    private static final LocalDate D2023 = LocalDate.of(2023, 5, 10);
    private static final LocalDate D2025 = LocalDate.of(2025, 5, 10);

    static Stream<Arguments> yearCells() {
        return Stream.of(
                // QualificationExamPassed
                cell("IM-2017 三(三): qualification exam in region +30 PROFESSIONAL in the result year", "IM-2017", 2019,
                        f -> f.qualificationExam(D2019, true), "0", "30"),
                cell("IM-2022 三(六): qualification exam deems the PROFESSIONAL minimum of the result year met", "IM-2022", 2023,
                        f -> f.award("a", 2023, Category.PROFESSIONAL, Activity.BASE_TRAINING, "20").qualificationExam(D2023, true), "0", "60"),
                cell("IM-2025 一(四)5: qualification exam deems the PROFESSIONAL minimum of the result year met", "IM-2025", 2025,
                        f -> f.award("a", 2025, Category.PROFESSIONAL, Activity.BASE_TRAINING, "20").qualificationExam(D2025, true), "0", "60"),
                cell("NX-2022 一(三)3: qualification exam gives no yearly hours (it deems a window's part)", "NX-2022", 2023,
                        f -> f.qualificationExam(D2023, true), "0", "0"),
                // TitleLanguageExamPassed
                cell("IM-2017 三(三): title language exam +30 PROFESSIONAL in the result year", "IM-2017", 2019,
                        f -> f.languageExam(D2019), "0", "30"),
                cell("IM-2022 (RULES.md §4.2): title language exam counts 0", "IM-2022", 2023, f -> f.languageExam(D2023), "0", "0"),
                cell("IM-2025 (RULES.md §4.2): title language exam counts 0", "IM-2025", 2025, f -> f.languageExam(D2025), "0", "0"),
                // ComputerExamPassed
                cell("IM-2017 三(三): computer exam +30 PROFESSIONAL in the result year, whatever its modules", "IM-2017", 2019,
                        f -> f.computerExam(D2019, 3), "0", "30"),
                cell("IM-2022 (RULES.md §4.2): computer exam counts 0", "IM-2022", 2023, f -> f.computerExam(D2023, 2), "0", "0"),
                cell("IM-2025 (RULES.md §4.2): computer exam counts 0", "IM-2025", 2025, f -> f.computerExam(D2025, 2), "0", "0"),
                // LecturingDelivered
                cell("IM-2017 (RULES.md §4.2): lecturing counts 0", "IM-2017", 2019, f -> f.lecturing(D2019, "4"), "0", "0"),
                cell("IM-2022 (RULES.md §4.2): lecturing counts 0", "IM-2022", 2023, f -> f.lecturing(D2023, "4"), "0", "0"),
                cell("IM-2025 (RULES.md §4.2): lecturing counts 0", "IM-2025", 2025, f -> f.lecturing(D2025, "4"), "0", "0"),
                cell("NX-2022 一(三)1 (I-4, I-12): 4 hours taught +12 PROFESSIONAL, also in 2023", "NX-2022", 2023,
                        f -> f.lecturing(D2023, "4"), "0", "12"),
                // StudyTourCompleted
                cell("IM-MEASURES-2017 第十条 (IM-2017): 2.5 days of study tour +20 PROFESSIONAL", "IM-2017", 2019,
                        f -> f.studyTour(D2019, "2.5"), "0", "20"),
                cell("IM-MEASURES-2017 第十条 (IM-2022): 2.5 days of study tour +20 PROFESSIONAL", "IM-2022", 2023,
                        f -> f.studyTour(D2023, "2.5"), "0", "20"),
                cell("IM-MEASURES-2017 第十条 (IM-2025): 2.5 days of study tour +20 PROFESSIONAL", "IM-2025", 2025,
                        f -> f.studyTour(D2025, "2.5"), "0", "20"),
                cell("NX-2022 一(三)1: 2.5 days of study tour +15 PROFESSIONAL", "NX-2022", 2023,
                        f -> f.studyTour(D2023, "2.5"), "0", "15"),
                // DegreeCompleted
                cell("IM-2017 (RULES.md §4.2): a completed degree counts 0 (its hours are DEGREE_STUDY awards)", "IM-2017", 2019,
                        f -> f.degree(LocalDate.of(2016, 9, 1), D2019, Degree.MASTER, "200"), "0", "0"),
                cell("IM-2022 (RULES.md §4.2): a completed degree counts 0", "IM-2022", 2023,
                        f -> f.degree(LocalDate.of(2020, 9, 1), D2023, Degree.MASTER, "200"), "0", "0"),
                cell("IM-2025 (RULES.md §4.2): a completed degree counts 0", "IM-2025", 2025,
                        f -> f.degree(LocalDate.of(2022, 9, 1), D2025, Degree.MASTER, "200"), "0", "0"),
                cell("NX-2022 一(三)1: a degree's certified hours count PROFESSIONAL in the graduation year", "NX-2022", 2023,
                        f -> f.degree(LocalDate.of(2020, 9, 1), D2023, Degree.MASTER, "200"), "0", "200")
        );
    }

    private static Arguments cell(String name, String ruleSetId, int year, Consumer<Facts> facts, String pub, String pro) {
        return arguments(name, ruleSetId, year, facts, pub, pro);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yearCells")
    void aConversionIsWorthWhatTheRuleSetSaysInItsYear(String name, String ruleSetId, int year, Consumer<Facts> adder,
                                                       String pub, String pro) {
        Facts facts = Facts.practitioner();
        adder.accept(facts);

        YearTotals totals = ENGINE.years(facts.list(), set(ruleSetId)).stream()
                .filter(t -> t.year() == year).findFirst().orElseThrow();

        assertThat(totals.publicHours()).isEqualTo(h(pub));
        assertThat(totals.professionalHours()).isEqualTo(h(pro));
        assertThat(totals.totalHours()).isEqualTo(h(pub).add(h(pro)));
        // Every conversion is itemised, those worth nothing with the reason.
        assertThat(totals.items()).anySatisfy(i -> assertThat(i.eventType()).isNotEqualTo("CreditAwarded"));
        assertThat(totals.items()).filteredOn(i -> i.hours().signum() == 0).allSatisfy(i -> assertThat(i.note()).isNotBlank());
    }

    @Test
    void deemingShowsBothTheActualHoursAndTheTopUp() {
        // RULES.md §4.2: "Deemed met" credits max(actual, minimum); the trace shows both.
        List<RecordedFact> facts = Facts.practitioner()
                .award("a", 2023, Category.PROFESSIONAL, Activity.BASE_TRAINING, "20")
                .qualificationExam(D2023, true).list();

        YearTotals year = ENGINE.years(facts, set("IM-2022")).get(0);

        assertThat(year.items()).extracting(Contribution::id, Contribution::hours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", h("20")), org.assertj.core.groups.Tuple.tuple("c-1", h("40")));
        assertThat(year.items().get(1).note()).contains("actual 20.0", "minimum 60.0");
        assertThat(year.items().get(1).citation()).isEqualTo("IM-2022 三(六) 视同完成取得证书年度的专业科目学时");
    }

    // ---- NX window-level cells -------------------------------------------------------------------

    /** An NX practitioner holding an INTERMEDIATE title since 2015, with hours per year 2017–2021. */
    private static Facts nx(String publicPerYear, String professionalPerYear) {
        Facts f = Facts.in(Jurisdiction.NX);
        for (int y = 2017; y <= 2021; y++) {
            f.year(y, publicPerYear, professionalPerYear);
        }
        return f;
    }

    @Test
    void nxQualificationExamAfterTheCurrentTitleDeemsTheProfessionalPartOfTheWindowMet() {
        // NX-2022 一(三)3: ASSOCIATE_SENIOR window 2017–2021 needs 450, 150 PUBLIC: the 300 professional part is deemed.
        Facts facts = nx("30", "10").qualificationExam(LocalDate.of(2019, 3, 1), false);

        Decision d = ENGINE.evaluate(facts.list(), set("NX-2022"), EligibilityQuery.title(TitleLevel.ASSOCIATE_SENIOR, 2022));

        assertThat(d.outcome()).isEqualTo(Outcome.MET);
        Requirement total = row(d, "window", Measure.TOTAL);
        assertThat(total.required()).isEqualTo(h("450"));
        assertThat(total.credited()).isEqualTo(h("450"));
        assertThat(total.contributions()).anySatisfy(c -> {
            assertThat(c.eventType()).isEqualTo("QualificationExamPassed");
            assertThat(c.hours()).isEqualTo(h("250"));
            assertThat(c.citation()).startsWith("NX-2022 一(三)3");
        });
    }

    @Test
    void nxQualificationExamBeforeTheCurrentTitleDeemsNothing() {
        Facts facts = nx("30", "10").qualificationExam(LocalDate.of(2014, 3, 1), true);

        Decision d = ENGINE.evaluate(facts.list(), set("NX-2022"), EligibilityQuery.title(TitleLevel.ASSOCIATE_SENIOR, 2022));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(row(d, "window", Measure.TOTAL).credited()).isEqualTo(h("200"));
        assertThat(row(d, "window", Measure.TOTAL).contributions())
                .anySatisfy(c -> assertThat(c.note()).contains("before the current title"));
    }

    @Test
    void nxTitleLanguageExamAddsFortyPublicHoursOncePerWindow() {
        // NX-2022 一(三)2: 凡以往参加过 — an exam of any earlier date, once, outside any credit year.
        Facts facts = nx("20", "70").languageExam(LocalDate.of(2010, 4, 1)).languageExam(LocalDate.of(2012, 4, 1));

        Decision d = ENGINE.evaluate(facts.list(), set("NX-2022"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2022));

        assertThat(d.window()).containsExactly(2018, 2019, 2020, 2021);
        Requirement pub = row(d, "window", Measure.PUBLIC);
        assertThat(pub.required()).isEqualTo(h("120"));
        assertThat(pub.credited()).isEqualTo(h("120"));
        assertThat(pub.contributions()).filteredOn(c -> c.eventType().equals("TitleLanguageExamPassed"))
                .extracting(Contribution::hours).containsExactly(h("40"), h("0"));
        assertThat(d.outcome()).isEqualTo(Outcome.MET);
        // …and it does not appear in the yearly view.
        assertThat(ENGINE.years(facts.list(), set("NX-2022"))).extracting(YearTotals::year).doesNotContain(2010, 2012);
    }

    @Test
    void nxComputerExamAddsTenPublicHoursPerModule() {
        Facts facts = nx("20", "70").computerExam(LocalDate.of(2011, 4, 1), 4);

        Decision d = ENGINE.evaluate(facts.list(), set("NX-2022"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2022));

        assertThat(row(d, "window", Measure.PUBLIC).credited()).isEqualTo(h("120"));
        assertThat(d.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void nxDegreeAcrossTheWindowEdgeCountsItsCertifiedHoursButPublicIsStillRequired() {
        // NX-2022 一(三)1: 跨审验期入学并毕业 — certified hours, and the public courses of the window.
        Facts withPublic = Facts.in(Jurisdiction.NX);
        for (int y = 2018; y <= 2021; y++) {
            withPublic.year(y, "30", "0");
        }
        withPublic.degree(LocalDate.of(2016, 9, 1), LocalDate.of(2019, 6, 30), Degree.MASTER, "300");
        Facts withoutPublic = Facts.in(Jurisdiction.NX)
                .degree(LocalDate.of(2016, 9, 1), LocalDate.of(2019, 6, 30), Degree.MASTER, "400");

        Decision met = ENGINE.evaluate(withPublic.list(), set("NX-2022"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2022));
        Decision notMet = ENGINE.evaluate(withoutPublic.list(), set("NX-2022"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2022));

        assertThat(met.outcome()).isEqualTo(Outcome.MET);
        assertThat(met.reliefs()).isEmpty();
        assertThat(row(met, "window", Measure.TOTAL).credited()).isEqualTo(h("420"));
        assertThat(notMet.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(row(notMet, "window", Measure.PUBLIC).shortfall()).isEqualTo(h("120"));
        assertThat(row(notMet, "window", Measure.TOTAL).met()).isTrue();
    }

    static Requirement row(Decision d, String scope, Measure measure) {
        return d.requirements().stream().filter(r -> r.scope().equals(scope) && r.category() == measure)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + scope + "/" + measure + " in " + d.requirements()));
    }
}
