package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.TitleLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.rules.Rules.ENGINE;
import static org.celedger.domain.rules.Rules.h;
import static org.celedger.domain.rules.Rules.set;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * RULES.md §5: window and minimums per purpose and level, one case per cell of the table. Each
 * case gives the window expected, hours that just meet the requirement and hours that just miss
 * it ("year:public/professional;…"), for a practitioner with no relief (a man of 45).
 */
class RequirementTableTest {

    private static final Purpose T = Purpose.TITLE_EVALUATION;
    private static final Purpose R = Purpose.ASSESSMENT_RECOGNITION;

    static Stream<Arguments> cells() {
        return Stream.of(
                // ---- IM-2017 (E = 2019)
                cell("IM-2017 三(一) (I-5): TITLE JUNIOR, 2 years before E, total 130 with participation", "IM-2017", T, "JUNIOR", 2019,
                        "2017,2018", "2017:30/35;2018:30/35", "2017:30/35;2018:30/34.9", Outcome.MET),
                cell("IM-2017 三(一): TITLE INTERMEDIATE, 3 years before E, total 170", "IM-2017", T, "INTERMEDIATE", 2019,
                        "2016,2017,2018", "2016:20/40;2017:20/40;2018:10/40", "2016:20/40;2017:20/40;2018:10/39.9", Outcome.MET),
                cell("IM-2017 三(一): TITLE ASSOCIATE_SENIOR as INTERMEDIATE, participation every year", "IM-2017", T, "ASSOCIATE_SENIOR", 2019,
                        "2016,2017,2018", "2016:20/40;2017:20/40;2018:10/40", "2016:0/90;2017:20/40;2018:10/40", Outcome.MET),
                cell("IM-2017 三(一): TITLE SENIOR as INTERMEDIATE", "IM-2017", T, "SENIOR", 2019,
                        "2016,2017,2018", "2016:60/0.1;2017:0.1/60;2018:25/24.8", "2016:60/0.1;2017:0.1/60;2018:25/24.7", Outcome.MET),
                cell("IM-2017 三(二): RECOGNITION ASSOCIATE_TO_ASSISTANT, 2 years, total 130 with participation", "IM-2017", R, "ASSOCIATE_TO_ASSISTANT", 2019,
                        "2017,2018", "2017:30/35;2018:30/35", "2017:0/65;2018:30/35", Outcome.MET),
                cell("IM-2017 三(二): RECOGNITION BACHELOR_TO_ASSISTANT, 1 year, total 90 (both categories, per the document)", "IM-2017", R, "BACHELOR_TO_ASSISTANT", 2019,
                        "2018", "2018:10/80", "2018:0/90", Outcome.MET),
                cell("IM-2017 三(二): RECOGNITION MASTER_TO_INTERMEDIATE, 2 years, total 130", "IM-2017", R, "MASTER_TO_INTERMEDIATE", 2019,
                        "2017,2018", "2017:30/35;2018:30/35", "2017:30/35;2018:29.9/35", Outcome.MET),
                cell("IM-2017 三(二): RECOGNITION DOCTOR_TO_INTERMEDIATE has no rule", "IM-2017", R, "DOCTOR_TO_INTERMEDIATE", 2019,
                        "", "2018:30/60", null, Outcome.NO_RULE),
                // ---- IM-2022 (E = 2023)
                cell("IM-2022 二(一): TITLE JUNIOR, year E, 30 PUBLIC / 60 PROFESSIONAL / 90", "IM-2022", T, "JUNIOR", 2023,
                        "2023", "2023:30/60", "2023:29.9/70", Outcome.MET),
                cell("IM-2022 二(一): TITLE INTERMEDIATE, E-2…E, each year", "IM-2022", T, "INTERMEDIATE", 2023,
                        "2021,2022,2023", "2021:30/60;2022:30/60;2023:30/60", "2021:30/60;2022:30/59.9;2023:30/60", Outcome.MET),
                cell("IM-2022 二(一): TITLE ASSOCIATE_SENIOR as INTERMEDIATE", "IM-2022", T, "ASSOCIATE_SENIOR", 2023,
                        "2021,2022,2023", "2021:30/60;2022:30/60;2023:30/60", "2021:90/90;2022:90/90;2023:0/0", Outcome.MET),
                cell("IM-2022 二(一): TITLE SENIOR as INTERMEDIATE", "IM-2022", T, "SENIOR", 2023,
                        "2021,2022,2023", "2021:30/60;2022:30/60;2023:30/60", "2021:30/60;2022:30/60;2023:29.9/60", Outcome.MET),
                cell("IM-2022 二(二): RECOGNITION ASSOCIATE_TO_ASSISTANT, year E", "IM-2022", R, "ASSOCIATE_TO_ASSISTANT", 2023,
                        "2023", "2023:30/60", "2023:30/59.9", Outcome.MET),
                cell("IM-2022 二(二): RECOGNITION BACHELOR_TO_ASSISTANT, year E", "IM-2022", R, "BACHELOR_TO_ASSISTANT", 2023,
                        "2023", "2023:30/60", "2023:0/90", Outcome.MET),
                cell("IM-2022 二(二): RECOGNITION MASTER_TO_INTERMEDIATE, E-1…E, each year", "IM-2022", R, "MASTER_TO_INTERMEDIATE", 2023,
                        "2022,2023", "2022:30/60;2023:30/60", "2022:30/60;2023:20/60", Outcome.MET),
                cell("IM-2022 二(二): RECOGNITION DOCTOR_TO_INTERMEDIATE is WAIVED", "IM-2022", R, "DOCTOR_TO_INTERMEDIATE", 2023,
                        "", "", null, Outcome.WAIVED),
                // ---- IM-2025 (E = 2025)
                cell("IM-2025 一(三)1: TITLE JUNIOR, year E", "IM-2025", T, "JUNIOR", 2025,
                        "2025", "2025:30/60", "2025:30/59.9", Outcome.MET),
                cell("IM-2025 一(三)1: TITLE INTERMEDIATE, E-2…E, each year", "IM-2025", T, "INTERMEDIATE", 2025,
                        "2023,2024,2025", "2023:30/60;2024:30/60;2025:30/60", "2023:30/60;2024:0/0;2025:30/60", Outcome.MET),
                cell("IM-2025 一(三)1: TITLE ASSOCIATE_SENIOR as INTERMEDIATE", "IM-2025", T, "ASSOCIATE_SENIOR", 2025,
                        "2023,2024,2025", "2023:30/60;2024:30/60;2025:30/60", "2023:29.9/60;2024:30/60;2025:30/60", Outcome.MET),
                cell("IM-2025 一(三)1: TITLE SENIOR as INTERMEDIATE", "IM-2025", T, "SENIOR", 2025,
                        "2023,2024,2025", "2023:30/60;2024:30/60;2025:30/60", "2023:30/60;2024:30/60;2025:30/59.9", Outcome.MET),
                cell("IM-2025 (I-7, as IM-2022 二(二)): RECOGNITION ASSOCIATE_TO_ASSISTANT, year E", "IM-2025", R, "ASSOCIATE_TO_ASSISTANT", 2025,
                        "2025", "2025:30/60", "2025:30/59.9", Outcome.MET),
                cell("IM-2025 (I-7): RECOGNITION BACHELOR_TO_ASSISTANT, year E", "IM-2025", R, "BACHELOR_TO_ASSISTANT", 2025,
                        "2025", "2025:30/60", "2025:29.9/60", Outcome.MET),
                cell("IM-2025 (I-7): RECOGNITION MASTER_TO_INTERMEDIATE, E-1…E", "IM-2025", R, "MASTER_TO_INTERMEDIATE", 2025,
                        "2024,2025", "2024:30/60;2025:30/60", "2024:30/60;2025:30/0", Outcome.MET),
                cell("IM-2025 (I-7, IM-2022 二(二)): RECOGNITION DOCTOR_TO_INTERMEDIATE is WAIVED", "IM-2025", R, "DOCTOR_TO_INTERMEDIATE", 2025,
                        "", "", null, Outcome.WAIVED),
                // ---- NX-2022 (E = 2022)
                cell("NX-2022 一(二): TITLE JUNIOR has no rule", "NX-2022", T, "JUNIOR", 2022,
                        "", "2021:30/60", null, Outcome.NO_RULE),
                cell("NX-2022 一(二): TITLE INTERMEDIATE, 2018–2021, total 360, PUBLIC 120", "NX-2022", T, "INTERMEDIATE", 2022,
                        "2018,2019,2020,2021", "2018:0/90;2019:40/50;2020:40/50;2021:40/50", "2018:0/90;2019:40/50;2020:40/50;2021:39.9/60.1", Outcome.MET),
                cell("NX-2022 一(二): TITLE ASSOCIATE_SENIOR, 2017–2021, total 450, PUBLIC 150", "NX-2022", T, "ASSOCIATE_SENIOR", 2022,
                        "2017,2018,2019,2020,2021", "2017:30/60;2018:30/60;2019:30/60;2020:30/60;2021:30/60", "2017:30/60;2018:30/60;2019:30/60;2020:30/60;2021:30/59.9", Outcome.MET),
                cell("NX-2022 一(二): TITLE SENIOR as ASSOCIATE_SENIOR", "NX-2022", T, "SENIOR", 2022,
                        "2017,2018,2019,2020,2021", "2017:150/0;2018:0/300;2019:0/0;2020:0/0;2021:0/0", "2017:149.9/0;2018:0/310", Outcome.MET),
                cell("NX-2022: RECOGNITION ASSOCIATE_TO_ASSISTANT has no rule", "NX-2022", R, "ASSOCIATE_TO_ASSISTANT", 2022, "", "", null, Outcome.NO_RULE),
                cell("NX-2022: RECOGNITION BACHELOR_TO_ASSISTANT has no rule", "NX-2022", R, "BACHELOR_TO_ASSISTANT", 2022, "", "", null, Outcome.NO_RULE),
                cell("NX-2022: RECOGNITION MASTER_TO_INTERMEDIATE has no rule", "NX-2022", R, "MASTER_TO_INTERMEDIATE", 2022, "", "", null, Outcome.NO_RULE),
                cell("NX-2022: RECOGNITION DOCTOR_TO_INTERMEDIATE has no rule", "NX-2022", R, "DOCTOR_TO_INTERMEDIATE", 2022, "", "", null, Outcome.NO_RULE)
        );
    }

    private static Arguments cell(String name, String ruleSetId, Purpose purpose, String level, int year, String window,
                                  String meets, String misses, Outcome meetsOutcome) {
        return arguments(name, ruleSetId, purpose, level, year, window, meets, misses, meetsOutcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void theWindowAndMinimumsOfEachPurposeAndLevel(String name, String ruleSetId, Purpose purpose, String level, int year,
                                                   String window, String meets, String misses, Outcome meetsOutcome) {
        RuleSet ruleSet = set(ruleSetId);
        EligibilityQuery query = new EligibilityQuery(purpose, level, year, null, false);

        Decision met = ENGINE.evaluate(facts(ruleSet, meets), ruleSet, query);

        assertThat(met.outcome()).isEqualTo(meetsOutcome);
        assertThat(met.eligible()).isEqualTo(meetsOutcome != Outcome.NO_RULE);
        assertThat(met.ruleSet()).isEqualTo(new RuleSetRef(ruleSetId, ruleSet.version()));
        assertThat(met.asOf()).isEqualTo(LocalDate.of(year, 12, 31)); // I-9 default
        if (meetsOutcome == Outcome.MET) {
            assertThat(met.window()).containsExactlyElementsOf(years(window));
            assertThat(met.requirements()).isNotEmpty().allSatisfy(r -> assertThat(r.met()).isTrue());
        } else {
            assertThat(met.window()).isEmpty();
            assertThat(met.requirements()).isEmpty();
        }
        if (misses != null) {
            Decision missed = ENGINE.evaluate(facts(ruleSet, misses), ruleSet, query);
            assertThat(missed.outcome()).isEqualTo(Outcome.NOT_MET);
            assertThat(missed.eligible()).isFalse();
            assertThat(missed.requirements()).anySatisfy(r -> {
                assertThat(r.met()).isFalse();
                assertThat(r.shortfall()).isEqualByComparingTo(r.required().subtract(r.credited()));
                assertThat(r.credited()).isLessThan(r.required());
            });
        }
    }

    @Test
    void nxMastersWindowIsTheYearsInTheCurrentPostWithNinetyAndThirtyPerYear() {
        // NX-2022 一(二), I-6: master's degree, current title obtained mid-2019: the window keeps 2020–2021.
        Facts facts = Facts.practitioner(p -> Facts.with(p, Jurisdiction.NX, p.gender(), p.birthDate(), p.sector(),
                p.grassroots(), TitleLevel.JUNIOR, LocalDate.of(2019, 7, 1), Degree.MASTER));
        facts.year(2020, "30", "60").year(2021, "30", "60");

        Decision d = ENGINE.evaluate(facts.list(), set("NX-2022"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2022));

        assertThat(d.window()).containsExactly(2020, 2021);
        assertThat(ConversionTableTest.row(d, "window", Measure.TOTAL).required()).isEqualTo(h("180"));
        assertThat(ConversionTableTest.row(d, "window", Measure.PUBLIC).required()).isEqualTo(h("60"));
        assertThat(d.outcome()).isEqualTo(Outcome.MET);
        assertThat(d.reliefs()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReliefKind.MASTER_DEGREE);
            assertThat(r.decisive()).isTrue();
            assertThat(r.citation()).contains("NX-2022 一(二)", "I-6");
        });
    }

    @Test
    void theYearlyViewMarksAYearMetAtThirtySixtyAndNinety() {
        // IM-MEASURES-2017 第十一条; NX by I-8.
        for (String id : List.of("IM-2017", "IM-2022", "IM-2025", "NX-2022")) {
            List<YearTotals> years = ENGINE.years(Facts.practitioner().year(2023, "30", "60").year(2024, "30", "59.9")
                    .year(2025, "20", "80").list(), set(id));
            assertThat(years).extracting(YearTotals::status)
                    .as(id).containsExactly(YearStatus.MET, YearStatus.NOT_MET, YearStatus.NOT_MET);
        }
    }

    static List<RecordedFact> facts(RuleSet ruleSet, String allocation) {
        Facts f = Facts.in(ruleSet.jurisdiction());
        if (!allocation.isEmpty()) {
            for (String part : allocation.split(";")) {
                String[] yearAndHours = part.split(":");
                String[] hours = yearAndHours[1].split("/");
                f.year(Integer.parseInt(yearAndHours[0]), hours[0], hours[1]);
            }
        }
        return f.list();
    }

    private static List<Integer> years(String window) {
        return window.isEmpty() ? List.of() : Arrays.stream(window.split(",")).map(Integer::valueOf).toList();
    }
}
