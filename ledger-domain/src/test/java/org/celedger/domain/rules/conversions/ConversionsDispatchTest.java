package org.celedger.domain.rules.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ComputerExamPassed;
import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.DegreeCompleted;
import org.celedger.domain.practitioner.LecturingDelivered;
import org.celedger.domain.practitioner.QualificationExamPassed;
import org.celedger.domain.practitioner.StudyTourCompleted;
import org.celedger.domain.practitioner.TitleLanguageExamPassed;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each conversion kind owns its behaviour (RULES.md §4.2): {@link Conversions} hands a fact to the rule of
 * the {@link ConversionKind} it carries. Under NX-2022, keyed by clause: the event type, the clause and
 * category of its items, and whether it belongs to no credit year.
 */
class ConversionsDispatchTest {

    private static final Conversions NX = RuleSets.bundled().byId("NX-2022").orElseThrow().conversions();
    private static final LocalDate DATE = LocalDate.of(2021, 5, 1);

    /** One fact of every kind. */
    private static final List<ConversionRecorded> FACTS = List.of(
            new QualificationExamPassed("p-1", "c-1", DATE, true, "e"),
            new TitleLanguageExamPassed("p-1", "c-2", DATE, "e"),
            new ComputerExamPassed("p-1", "c-3", DATE, 2, "e"),
            new LecturingDelivered("p-1", "c-4", DATE, BigDecimal.TEN, "e"),
            new StudyTourCompleted("p-1", "c-5", DATE, BigDecimal.ONE, "e"),
            new DegreeCompleted("p-1", "c-6", DATE, LocalDate.of(2018, 9, 1), DATE, Degree.MASTER, BigDecimal.TEN, "e"));

    @Test
    void theFactsCoverEveryKind() {
        Set<ConversionKind> kinds = FACTS.stream().map(ConversionRecorded::kind).collect(Collectors.toSet());
        assertThat(kinds).isEqualTo(EnumSet.allOf(ConversionKind.class));
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("NX-2022 一(三)3: qualification exam", FACTS.get(0), "QualificationExamPassed",
                        "NX-2022 一(三)3 可视同完成任职期内专业课学习任务", Category.PROFESSIONAL, false),
                Arguments.of("NX-2022 一(三)2: title language exam, once per window, in no year", FACTS.get(1),
                        "TitleLanguageExamPassed", "NX-2022 一(三)2 凡以往参加过职称外语考试并达到合格标准的", Category.PUBLIC, true),
                Arguments.of("NX-2022 一(三)2: computer exam, once per window, in no year", FACTS.get(2),
                        "ComputerExamPassed", "NX-2022 一(三)2 参加过全国计算机应用能力考试并达到合格标准的", Category.PUBLIC, true),
                Arguments.of("NX-2022 一(三)1, I-12: lecturing", FACTS.get(3), "LecturingDelivered",
                        "NX-2022 一(三)1 授课 1 学时授予 3 学时 (I-12)", Category.PROFESSIONAL, false),
                Arguments.of("NX-2022 一(三)1: study tour", FACTS.get(4), "StudyTourCompleted",
                        "NX-2022 一(三)1 每天以 6 学时折合计算专业课程培训学时", Category.PROFESSIONAL, false),
                Arguments.of("NX-2022 一(三)1: degree across the window's edge", FACTS.get(5), "DegreeCompleted",
                        "NX-2022 一(三)1 跨审验期入学并毕业的，具体学时需由院校提供学时证明", Category.PROFESSIONAL, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachKindAnswersForItsFacts(String clause, ConversionRecorded fact, String eventType, String citation,
                                    Category category, boolean inNoYear) {
        assertThat(NX.eventTypeOf(fact)).isEqualTo(eventType);
        assertThat(NX.citationOf(fact)).isEqualTo(citation);
        assertThat(NX.categoryOf(fact)).isEqualTo(category);
        assertThat(NX.inNoYear(fact)).isEqualTo(inNoYear);
    }

    @Test
    void im2017ValuesTheTitleExamsInTheirYear() {
        // IM-2017 三(三): +30 PROFESSIONAL in the result year, so the exam belongs to that year.
        Conversions im2017 = RuleSets.bundled().byId("IM-2017").orElseThrow().conversions();

        assertThat(im2017.inNoYear(FACTS.get(1))).isFalse();
        assertThat(im2017.inNoYear(FACTS.get(2))).isFalse();
        assertThat(Conversions.MAY_BELONG_TO_NO_YEAR)
                .containsExactlyInAnyOrder(ConversionKind.TITLE_LANGUAGE_EXAM_PASSED, ConversionKind.COMPUTER_EXAM_PASSED);
    }
}
