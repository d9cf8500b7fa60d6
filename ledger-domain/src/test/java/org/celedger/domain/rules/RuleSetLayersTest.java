package org.celedger.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.celedger.domain.rules.RuleSetLoadingTest.yaml;
import static org.celedger.domain.rules.Rules.SETS;
import static org.celedger.domain.rules.Rules.h;
import static org.celedger.domain.rules.Rules.set;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.model.RequirementKind;
import org.junit.jupiter.api.Test;

/**
 * Layered rule-set files (README "Layers"): a file states what its notice says and extends the rule set
 * it refines; the resolved tree is what is read, strictly, and hashed. RuleSetVersionTest pins that the
 * bundled layered files resolve to exactly the trees of the complete files they replaced.
 */
class RuleSetLayersTest {

    /** A file extending {@code parent} that states its id, the years it serves and {@code body}. */
    private static String revision(String id, String parent, String body) {
        return "extends: " + parent + "\nid: " + id + "\nserves:\n"
                + "  firstYear: {value: 2090, citation: \"draft\"}\n"
                + "  lastYear: {value: null, citation: \"draft\"}\n" + body;
    }

    private static Parameter param(RuleSet ruleSet, String path) {
        return ruleSet.parameters().stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + path));
    }

    @Test
    void theResolvedTreeHasNoTraceOfTheLayers() {
        for (RuleSet r : SETS.all()) {
            assertThat(r.canonicalJson()).as(r.id()).doesNotContain("\"extends\"", "\"sameAs\"", "${id}");
        }
    }

    @Test
    void aKeyAFileDoesNotStateIsTheOneItExtends() {
        RuleSet im2025 = set("IM-2025");

        // IM-2025 says nothing about degree study: the measures' rule, as IM-2022 has it from IM-2017.
        assertThat(param(im2025, "crediting.activities.DEGREE_STUDY.categories"))
                .isEqualTo(param(set("IM-2017"), "crediting.activities.DEGREE_STUDY.categories"));
        assertThat(param(im2025, "trainingBases.maxHoursPerInPersonDay").citation())
                .isEqualTo("IM-MEASURES-2017 第十条 每半天计4个学时");
        // A file read on its own is resolved over the bundled rule set it extends.
        assertThat(RuleSet.fromYaml("copy.yaml", yaml("IM-2025")).version()).isEqualTo(im2025.version());
    }

    @Test
    void aCitedSilenceNamesTheRuleSetThatInheritsIt() {
        // Stated once, in IM-2022 ("${id}: not valued"); IM-2025 is silent too and inherits it as its own silence.
        assertThat(param(set("IM-2022"), "conversions.titleLanguageExam.effect").citation())
                .isEqualTo("IM-2022: not valued (RULES.md §4.2)");
        assertThat(param(set("IM-2025"), "conversions.titleLanguageExam.effect").citation())
                .isEqualTo("IM-2025: not valued (RULES.md §4.2)");
        assertThat(param(set("IM-2025"), "reliefs.degreeInWindow").citation())
                .isEqualTo("IM-2025: no such relief (RULES.md §6)");
        // A what-if variant departs from its base's clauses: it keeps their text.
        RuleSet variant = SETS.variant("IM-2025", Map.of("reliefs.ageFull.menAge", 60));
        assertThat(param(variant, "reliefs.degreeInWindow").citation()).isEqualTo("IM-2025: no such relief (RULES.md §6)");
    }

    @Test
    void levelsStatedInOneSentenceAreCopiesOfTheFirst() {
        for (String id : List.of("IM-2017", "IM-2022", "IM-2025")) {
            RuleSet r = set(id);
            assertThat(r.requirement(Purpose.TITLE_EVALUATION, "SENIOR")).as(id)
                    .isEqualTo(r.requirement(Purpose.TITLE_EVALUATION, "INTERMEDIATE"));
            assertThat(r.requirement(Purpose.TITLE_EVALUATION, "ASSOCIATE_SENIOR")).as(id)
                    .isEqualTo(r.requirement(Purpose.TITLE_EVALUATION, "INTERMEDIATE"));
        }
        assertThat(set("NX-2022").requirement(Purpose.TITLE_EVALUATION, "SENIOR"))
                .isEqualTo(set("NX-2022").requirement(Purpose.TITLE_EVALUATION, "ASSOCIATE_SENIOR"));
        assertThat(param(set("IM-2025"), "requirements.TITLE_EVALUATION.SENIOR.kind").citation())
                .isEqualTo("IM-2025 一(三)1 申报高、中级职称评审，需完成近三年");
    }

    @Test
    void aLinkIsInheritedSoALaterNoticeChangingTheLevelChangesItsCopies() {
        RuleSet draft = RuleSet.fromYaml("draft.yaml", revision("IM-2090", "IM-2025", """
                requirements:
                  TITLE_EVALUATION:
                    INTERMEDIATE:
                      kind: {value: YEARLY, citation: "draft 一"}
                      length: {value: 2, citation: "draft 一"}
                      offset: {value: 0, citation: "draft 一"}
                      public: {value: 30, citation: "draft 一"}
                      professional: {value: 60, citation: "draft 一"}
                      total: {value: 90, citation: "draft 一"}
                      participation: {value: false, citation: "draft 一"}
                """));

        assertThat(draft.requirement(Purpose.TITLE_EVALUATION, "SENIOR").length().value()).isEqualTo(2);
        assertThat(draft.requirement(Purpose.TITLE_EVALUATION, "ASSOCIATE_SENIOR").length().cite()).isEqualTo("draft 一");
        assertThat(draft.requirement(Purpose.TITLE_EVALUATION, "JUNIOR"))
                .isEqualTo(set("IM-2025").requirement(Purpose.TITLE_EVALUATION, "JUNIOR"));
    }

    @Test
    void aLevelIsStatedWholeSoItsKindMayChange() {
        RuleSet draft = RuleSet.fromYaml("draft.yaml", revision("IM-2090", "IM-2025", """
                requirements:
                  TITLE_EVALUATION:
                    JUNIOR:
                      kind: {value: NO_RULE, citation: "draft: junior titles not mentioned"}
                """));

        assertThat(draft.requirement(Purpose.TITLE_EVALUATION, TitleLevel.JUNIOR.name()).kind().value())
                .isEqualTo(RequirementKind.NO_RULE);
        assertThat(draft.requirement(Purpose.TITLE_EVALUATION, TitleLevel.JUNIOR.name()).length()).isNull();
    }

    @Test
    void aParameterIsStatedWholeWithItsCitation() {
        // The parent's citation never stands for a value the file changes.
        String text = revision("IM-2090", "IM-2025", "reliefs:\n  ageFull:\n    menAge: {value: 60}\n");

        assertThatThrownBy(() -> RuleSet.fromYaml("draft.yaml", text))
                .isInstanceOf(RuleSetFormatException.class)
                .hasMessage("draft.yaml: reliefs.ageFull.menAge.citation: missing key");
    }

    @Test
    void aRevisionExtendsTheRuleSetOfItsOwnId() {
        // An operator's revision of a bundled rule set states only what it revises (RuleSetCatalog).
        String text = """
                extends: NX-2022
                id: NX-2022
                requirements:
                  TITLE_EVALUATION:
                    INTERMEDIATE:
                      kind: {value: WINDOW, citation: "NX-2022 一(二)"}
                      length: {value: 4, citation: "NX-2022 一(二) 近 4 年"}
                      offset: {value: -1, citation: "NX-2022 一(二) 近 4 年"}
                      public: {value: 120, citation: "NX-2022 一(二)"}
                      professional: {value: null, citation: "NX-2022 一(二)"}
                      total: {value: 400, citation: "draft revision of NX-2022 一(二): 400 学时"}
                      participation: {value: false, citation: "NX-2022 一(二)"}
                """;
        RuleSet revised = RuleSets.load(Map.of("NX-2022.yaml", text), SETS).get(0);

        assertThat(revised.requirement(Purpose.TITLE_EVALUATION, "INTERMEDIATE").totalHours().value()).isEqualTo(h("400"));
        assertThat(revised.version()).isNotEqualTo(set("NX-2022").version());
        assertThat(revised.parameters()).hasSameSizeAs(set("NX-2022").parameters());
        assertThatThrownBy(() -> RuleSets.load(Map.of("NX-2022.yaml", text), null))
                .isInstanceOf(RuleSetFormatException.class).hasMessage("NX-2022.yaml: extends: no rule set NX-2022 to extend");
    }

    @Test
    void filesOfOneLoadExtendEachOther() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("b.yaml", revision("IM-2091", "IM-2090", "trainingBases:\n  planDaysBeforeStart: {value: 7, citation: \"b\"}\n"));
        files.put("a.yaml", revision("IM-2090", "IM-2025", "trainingBases:\n  rosterDaysAfterEnd: {value: 5, citation: \"a\"}\n"));

        List<RuleSet> loaded = RuleSets.load(files, SETS);

        assertThat(loaded).extracting(RuleSet::id).containsExactly("IM-2091", "IM-2090");
        assertThat(loaded.get(0).planDaysBeforeStart()).isEqualTo(7);
        assertThat(loaded.get(0).rosterDaysAfterEnd()).isEqualTo(5);
    }

    @Test
    void extendingWhatDoesNotExistOrEachOtherFails() {
        assertThatThrownBy(() -> RuleSet.fromYaml("x.yaml", revision("IM-2090", "IM-2000", "")))
                .isInstanceOf(RuleSetFormatException.class).hasMessage("x.yaml: extends: no rule set IM-2000 to extend");
        Map<String, String> cycle = new LinkedHashMap<>();
        cycle.put("a.yaml", revision("A", "B", ""));
        cycle.put("b.yaml", revision("B", "A", ""));
        assertThatThrownBy(() -> RuleSets.load(cycle, SETS))
                .isInstanceOf(RuleSetFormatException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> RuleSet.fromYaml("x.yaml", "extends: IM-2025\nserves: {}\n"))
                .isInstanceOf(RuleSetFormatException.class).hasMessage("x.yaml: id: missing key");
    }

    @Test
    void aLinkNamesALevelThatIsStated() {
        String unknown = revision("IM-2090", "IM-2025",
                "requirements:\n  TITLE_EVALUATION:\n    SENIOR: {sameAs: PROFESSOR}\n");
        assertThatThrownBy(() -> RuleSet.fromYaml("x.yaml", unknown)).isInstanceOf(RuleSetFormatException.class)
                .hasMessage("x.yaml: requirements.TITLE_EVALUATION.SENIOR.sameAs: names no level of TITLE_EVALUATION: \"PROFESSOR\"");
        String chained = revision("IM-2090", "IM-2025",
                "requirements:\n  TITLE_EVALUATION:\n    JUNIOR: {sameAs: SENIOR}\n");
        assertThatThrownBy(() -> RuleSet.fromYaml("x.yaml", chained)).isInstanceOf(RuleSetFormatException.class)
                .hasMessageContaining("requirements.TITLE_EVALUATION.JUNIOR.sameAs: names SENIOR, itself a copy");
        String mixed = revision("IM-2090", "IM-2025",
                "requirements:\n  TITLE_EVALUATION:\n    SENIOR: {sameAs: JUNIOR, total: {value: 1, citation: x}}\n");
        assertThatThrownBy(() -> RuleSet.fromYaml("x.yaml", mixed)).isInstanceOf(RuleSetFormatException.class)
                .hasMessageStartingWith("x.yaml: requirements.TITLE_EVALUATION.SENIOR: sameAs stands alone");
        // Elsewhere than a requirement level a link is no key of the schema, and the strict reader refuses it.
        String elsewhere = revision("IM-2090", "IM-2025", "reliefs:\n  agePartial: {sameAs: ageFull}\n");
        assertThatThrownBy(() -> RuleSet.fromYaml("x.yaml", elsewhere)).isInstanceOfSatisfying(RuleSetFormatException.class,
                e -> assertThat(e.path()).startsWith("reliefs.agePartial."));
    }
}
