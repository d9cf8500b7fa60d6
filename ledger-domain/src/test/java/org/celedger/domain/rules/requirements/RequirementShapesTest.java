package org.celedger.domain.rules.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.celedger.domain.rules.Measure;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.Requirement;
import org.celedger.domain.rules.RowKind;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.celedger.domain.rules.model.RequirementRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The requirement kinds of RULES.md §5 and the requirement modifiers of §6, tested where they live:
 * each clause's shape as exact lines (year or window, measure, hours, row kind, citation).
 */
class RequirementShapesTest {

    private static final int[] THREE_YEARS = {2024, 2025, 2026};

    private static RuleSet set(String id) {
        return RuleSets.bundled().byId(id).orElseThrow();
    }

    private static RequirementRule title(String ruleSet, String level) {
        return set(ruleSet).requirement(Purpose.TITLE_EVALUATION, level);
    }

    private static Line year(int year, Measure measure, String hours, String citation) {
        return new Line(year, measure, new BigDecimal(hours), RowKind.MINIMUM, citation);
    }

    private static Line window(Measure measure, String hours, String citation) {
        return new Line(null, measure, new BigDecimal(hours), RowKind.MINIMUM, citation);
    }

    private static Line participation(int year, Measure measure, String citation) {
        return new Line(year, measure, new BigDecimal("0.1"), RowKind.PARTICIPATION, citation);
    }

    private static List<Line> yearly(int[] years, String citation, String pub, String prof, String total) {
        List<Line> lines = new ArrayList<>();
        for (int y : years) {
            lines.add(year(y, Measure.PUBLIC, pub, citation));
            lines.add(year(y, Measure.PROFESSIONAL, prof, citation));
            lines.add(year(y, Measure.TOTAL, total, citation));
        }
        return lines;
    }

    static Stream<Arguments> shapes() {
        String im2017Participation = "IM-2017 三(一) 连续参加继续教育公需科目和专业科目学习";
        List<Line> anyOneYear = new ArrayList<>();
        for (Line l : yearly(THREE_YEARS, "IM-2025 一(二)", "30.0", "60.0", "90.0")) {
            anyOneYear.add(new Line(l.year(), l.measure(), l.required(), l.kind(),
                    l.citation() + "; any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可"));
        }
        return Stream.of(
                Arguments.of("IM-2025 一(三)1: INTERMEDIATE, 30 / 60 / 90 in each of three years (YearlyRequirement)",
                        RequirementShape.of(title("IM-2025", "INTERMEDIATE"), THREE_YEARS, set("IM-2025").yearlyMinimums(), null, null),
                        yearly(THREE_YEARS, "IM-2025 一(二)", "30.0", "60.0", "90.0"), false),
                Arguments.of("IM-2017 三(一): INTERMEDIATE, participation every year and 170 over the window (WindowRequirement)",
                        RequirementShape.of(title("IM-2017", "INTERMEDIATE"), new int[]{2014, 2015, 2016},
                                set("IM-2017").yearlyMinimums(), null, null),
                        List.of(participation(2014, Measure.PUBLIC, im2017Participation),
                                participation(2014, Measure.PROFESSIONAL, im2017Participation),
                                participation(2015, Measure.PUBLIC, im2017Participation),
                                participation(2015, Measure.PROFESSIONAL, im2017Participation),
                                participation(2016, Measure.PUBLIC, im2017Participation),
                                participation(2016, Measure.PROFESSIONAL, im2017Participation),
                                window(Measure.TOTAL, "170.0", "IM-2017 三(一) 总学时达到 170 学时")),
                        false),
                Arguments.of("NX-2022 一(二): INTERMEDIATE, 120 PUBLIC and 360 over four years (WindowRequirement)",
                        RequirementShape.of(title("NX-2022", "INTERMEDIATE"), new int[]{2018, 2019, 2020, 2021},
                                set("NX-2022").yearlyMinimums(), null, null),
                        List.of(window(Measure.PUBLIC, "120.0", "NX-2022 一(二) 公需课不少于 120 学时"),
                                window(Measure.TOTAL, "360.0", "NX-2022 一(二) 总学时累计不少于 360 学时")),
                        false),
                Arguments.of("NX-2022 一(二), I-6: a master's two years in post, 2 × 30 PUBLIC and 2 × 90 (MasterDegreeProration)",
                        RequirementShape.of(title("NX-2022", "INTERMEDIATE"), new int[]{2020, 2021}, set("NX-2022").yearlyMinimums(),
                                set("NX-2022").reliefs().masterDegree().rule(), null),
                        List.of(window(Measure.PUBLIC, "60.0", "NX-2022 一(二) 硕士研究生学历的继续教育学时根据任职年限要求计算 (I-6): 30.0 × 2"),
                                window(Measure.TOTAL, "180.0", "NX-2022 一(二) 硕士研究生学历的继续教育学时根据任职年限要求计算 (I-6): 90.0 × 2")),
                        false),
                Arguments.of("IM-2017 三(四), I-10: a third of the window total 170, rounded up (AgePartialThirdOfWindowTotal)",
                        RequirementShape.of(title("IM-2017", "INTERMEDIATE"), new int[]{2014, 2015, 2016},
                                set("IM-2017").yearlyMinimums(), null, set("IM-2017").reliefs().agePartial().mode()),
                        List.of(window(Measure.TOTAL, "56.7", "IM-2017 三(四) 要求完成规定学时的 1/3 即可 (I-10): 170.0 / 3")),
                        false),
                Arguments.of("IM-2022 三(一), I-10: a third of each minimum summed over three years (AgePartialThirdOfMinimums)",
                        RequirementShape.of(title("IM-2022", "INTERMEDIATE"), new int[]{2022, 2023, 2024},
                                set("IM-2022").yearlyMinimums(), null, set("IM-2022").reliefs().agePartial().mode()),
                        List.of(window(Measure.PUBLIC, "30.0", "IM-2022 三(一) 要求完成规定学时的1/3即可 (I-10): 90.0 / 3"),
                                window(Measure.PROFESSIONAL, "60.0", "IM-2022 三(一) 要求完成规定学时的1/3即可 (I-10): 180.0 / 3"),
                                window(Measure.TOTAL, "90.0", "IM-2022 三(一) 要求完成规定学时的1/3即可 (I-10): 270.0 / 3")),
                        false),
                Arguments.of("IM-2025 一(五)1: the yearly minimums in any one year of three (AgePartialAnyOneYear)",
                        RequirementShape.of(title("IM-2025", "INTERMEDIATE"), THREE_YEARS, set("IM-2025").yearlyMinimums(), null,
                                set("IM-2025").reliefs().agePartial().mode()),
                        anyOneYear, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachClauseShapesItsLines(String clause, RequirementShape shape, List<Line> lines, boolean anyOneYear) {
        assertThat(shape.lines()).containsExactlyElementsOf(lines);
        assertThat(shape.anyOneYear()).isEqualTo(anyOneYear);
    }

    @Test
    void nx2022TheProfessionalPartDeemedMetIsTheTotalLessThePublicMinimum() {
        // NX-2022 一(三)3 deems "the professional part" met: 360 − 120 = 240.
        RequirementShape shape = RequirementShape.of(title("NX-2022", "INTERMEDIATE"), new int[]{2018, 2019, 2020, 2021},
                set("NX-2022").yearlyMinimums(), null, null);

        assertThat(shape.professionalPart()).isEqualByComparingTo("240");
        assertThat(shape.hasWindowLines()).isTrue();
        assertThat(shape.windowLine(Measure.PROFESSIONAL)).isNull();
    }

    @Test
    void im2025AYearlyRequirementHasNoProfessionalPart() {
        RequirementShape shape = YearlyRequirement.shape(title("IM-2025", "INTERMEDIATE"), THREE_YEARS);

        assertThat(shape.hasWindowLines()).isFalse();
        assertThat(shape.professionalPart()).isNull();
    }

    private static Requirement row(String scope, boolean met) {
        return new Requirement(scope, Measure.TOTAL, BigDecimal.TEN, met ? BigDecimal.TEN : BigDecimal.ONE, met, List.of(),
                BigDecimal.ZERO, RowKind.MINIMUM, "c");
    }

    @Test
    void im2025AnyOneYearIsMetWhenEveryRowOfOneYearIsMet() {
        RequirementShape anyOne = RequirementShape.anyOneYear(List.of());
        RequirementShape all = RequirementShape.allOf(List.of());
        List<Requirement> oneYearMet = List.of(row("2024", false), row("2025", true), row("2025", true), row("2026", false));
        List<Requirement> noYearMet = List.of(row("2024", false), row("2025", true), row("2025", false), row("2026", false));

        assertThat(anyOne.met(oneYearMet)).isTrue();
        assertThat(anyOne.met(noYearMet)).isFalse();
        assertThat(all.met(oneYearMet)).isFalse();
        assertThat(all.met(List.of(row("window", true), row("2025", true)))).isTrue();
    }
}
