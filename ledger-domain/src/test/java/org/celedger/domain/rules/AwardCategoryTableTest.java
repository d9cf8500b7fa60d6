package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.rules.Rules.ENGINE;
import static org.celedger.domain.rules.Rules.h;
import static org.celedger.domain.rules.Rules.set;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** RULES.md §4.1: the categories each activity may serve, one case per cell of the table. */
class AwardCategoryTableTest {

    private static final String BOTH = "both";
    private static final String PRO = "PROFESSIONAL";
    private static final String NONE = "—";

    static Stream<Arguments> cells() {
        Object[][] table = {
                // activity, IM-2017, IM-2022, IM-2025, NX-2022 (with the clause each cell cites)
                {Activity.BASE_TRAINING, BOTH, "RULES.md §4.1", BOTH, "RULES.md §4.1", BOTH, "IM-2025 一(四)1", PRO, "NX-2022 一(一)"},
                {Activity.ONLINE_PLATFORM, BOTH, "IM-2017 二(七)1", BOTH, "IM-2022 一(一)", BOTH, "IM-2025 一(四)1", BOTH, "NX-2022 一(一)"},
                {Activity.INSTITUTION_TRAINING, PRO, "IM-MEASURES-2017 第十二条(八)", PRO, "IM-MEASURES-2017 第十二条(八)", BOTH, "IM-2025 一(四)2", PRO, "NX-2022 一(一)"},
                {Activity.INDUSTRY_TRAINING, PRO, "IM-MEASURES-2017 第十二条(一)", PRO, "IM-MEASURES-2017 第十二条(一)", PRO, "IM-2025 一(四)3", PRO, "NX-2022 一(一)"},
                {Activity.ACADEMIC_EVENT, PRO, "IM-MEASURES-2017 第十二条(七)", PRO, "IM-2022 三(六)", PRO, "IM-2025 一(四)4", PRO, "NX-2022 一(一)"},
                {Activity.TEACHER_TRAINING, PRO, "RULES.md §4.1", PRO, "IM-2022 三(五)", PRO, "IM-2025 一(四)7", PRO, "NX-2022 一(一)"},
                {Activity.VOCATIONAL_SKILL_TRAINING, NONE, "RULES.md §4.1", PRO, "IM-2022 三(八)", PRO, "IM-2025 一(四)6", NONE, "RULES.md §4.1"},
                {Activity.DEGREE_STUDY, PRO, "IM-MEASURES-2017 第十二条(五)", PRO, "IM-MEASURES-2017 第十二条(五)", PRO, "IM-MEASURES-2017 第十二条(五)", PRO, "NX-2022 一(三)1"},
                {Activity.OTHER_APPROVED, PRO, "IM-MEASURES-2017 第十二条(九)", PRO, "IM-MEASURES-2017 第十二条(九)", PRO, "IM-MEASURES-2017 第十二条(九)", PRO, "NX-2022 一(一)"},
        };
        String[] sets = {"IM-2017", "IM-2022", "IM-2025", "NX-2022"};
        return Stream.of(table).flatMap(row -> Stream.of(0, 1, 2, 3).map(i -> {
            String allowed = (String) row[1 + 2 * i];
            String clause = (String) row[2 + 2 * i];
            return arguments(sets[i] + " " + clause + ": " + row[0] + " serves " + allowed, sets[i], row[0], allowed, clause);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void anAwardCountsOnlyInTheCategoriesItsActivityMayServe(String name, String ruleSetId, Activity activity,
                                                             String allowed, String clause) {
        List<RecordedFact> facts = Facts.practitioner()
                .award("a-pub", 2023, Category.PUBLIC, activity, "10")
                .award("a-pro", 2023, Category.PROFESSIONAL, activity, "20")
                .list();

        YearTotals year = ENGINE.years(facts, set(ruleSetId)).get(0);

        boolean pub = allowed.equals(BOTH);
        boolean pro = !allowed.equals(NONE);
        assertThat(year.publicHours()).isEqualTo(pub ? h("10") : h("0"));
        assertThat(year.professionalHours()).isEqualTo(pro ? h("20") : h("0"));
        assertThat(year.items()).allSatisfy(item -> assertThat(item.citation()).contains(clause.split(" ")[0]));
        // An award outside its allowed categories counts 0, with the reason in the trace.
        Contribution publicItem = year.items().stream().filter(i -> i.id().equals("a-pub")).findFirst().orElseThrow();
        if (!pub) {
            assertThat(publicItem.hours()).isEqualTo(h("0"));
            assertThat(publicItem.note()).contains(activity.name());
        }
    }

    @Test
    void im2025InstitutionTrainingServesPublicOnlyForPublicInstitutionStaff() {
        // IM-2025 一(四)2 speaks of 事业单位专业技术人员: others keep IM-MEASURES-2017 第十二条(八).
        List<RecordedFact> facts = Facts.practitioner(p -> Facts.with(p, p.jurisdiction(), p.gender(), p.birthDate(),
                        Sector.STATE_ENTERPRISE, p.grassroots(), p.titleLevel(), p.titleObtainedOn(), p.degree()))
                .award("a-pub", 2025, Category.PUBLIC, Activity.INSTITUTION_TRAINING, "10")
                .award("a-pro", 2025, Category.PROFESSIONAL, Activity.INSTITUTION_TRAINING, "20")
                .list();

        YearTotals year = ENGINE.years(facts, set("IM-2025")).get(0);

        assertThat(year.publicHours()).isEqualTo(h("0"));
        assertThat(year.professionalHours()).isEqualTo(h("20"));
        assertThat(year.items()).filteredOn(i -> i.id().equals("a-pub")).singleElement()
                .satisfies(i -> assertThat(i.citation()).contains("IM-MEASURES-2017 第十二条(八)"));
    }
}
