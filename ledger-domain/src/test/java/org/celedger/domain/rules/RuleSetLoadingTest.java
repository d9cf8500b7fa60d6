package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.celedger.domain.rules.Rules.SETS;
import static org.celedger.domain.rules.Rules.set;

/** Rule sets are YAML data with a citation on every parameter; their content hash is their version. */
class RuleSetLoadingTest {

    static String yaml(String id) {
        try (InputStream in = RuleSetLoadingTest.class.getClassLoader().getResourceAsStream("rule-sets/" + id + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFourBundledRuleSetsLoad() {
        assertThat(SETS.all()).extracting(RuleSet::id).containsExactly("IM-2017", "IM-2022", "IM-2025", "NX-2022");
        assertThat(SETS.all()).extracting(RuleSet::version).allSatisfy(v -> assertThat(v).matches("sha256:[0-9a-f]{64}"));
        assertThat(set("IM-2025").sources()).extracting(RuleSetSource::id).containsExactly("IM-2025", "IM-MEASURES-2017");
    }

    @ParameterizedTest(name = "RULES.md §3 (I-1): {0} {1} is served by {2}")
    @CsvSource({"IM, 2017, IM-2017", "IM, 2021, IM-2017", "IM, 2022, IM-2022", "IM, 2024, IM-2022", "IM, 2025, IM-2025",
            "IM, 2031, IM-2025", "NX, 2022, NX-2022", "NX, 2026, NX-2022"})
    void theRuleSetServingAYear(Jurisdiction jurisdiction, int year, String id) {
        assertThat(SETS.serving(jurisdiction, year).id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "RULES.md §3: no rule set serves {0} {1}")
    @CsvSource({"IM, 2016", "NX, 2021"})
    void aYearNoRuleSetServesIsAnError(Jurisdiction jurisdiction, int year) {
        assertThatThrownBy(() -> SETS.serving(jurisdiction, year))
                .isInstanceOfSatisfying(NoRuleSetException.class, e -> {
                    assertThat(e.jurisdiction()).isEqualTo(jurisdiction);
                    assertThat(e.year()).isEqualTo(year);
                });
    }

    @Test
    void everyParameterCarriesItsCitationAndInterpretation() {
        // IM-2025 has two more than IM-2022: the sector condition of INSTITUTION_TRAINING (一(四)2).
        Map<String, Integer> counts = Map.of("IM-2017", 110, "IM-2022", 110, "IM-2025", 112, "NX-2022", 86);
        for (RuleSet r : SETS.all()) {
            assertThat(r.parameters()).as(r.id()).hasSize(counts.get(r.id()))
                    .allSatisfy(p -> assertThat(p.citation()).isNotBlank());
        }
        assertThat(param("IM-2017", "requirements.TITLE_EVALUATION.JUNIOR.offset").interpretation()).isEqualTo("I-5");
        assertThat(param("IM-2017", "requirements.TITLE_EVALUATION.JUNIOR.offset").value()).isEqualTo(-1);
        assertThat(param("IM-2022", "reliefs.agePartial.mode").interpretation()).isEqualTo("I-10");
        assertThat(param("IM-2022", "crediting.makeUp").interpretation()).isEqualTo("I-3");
        assertThat(param("IM-2025", "reliefs.ageFull.menAge").interpretation()).isEqualTo("I-9");
        assertThat(param("IM-2025", "requirements.ASSESSMENT_RECOGNITION.MASTER_TO_INTERMEDIATE.length").interpretation()).isEqualTo("I-7");
        assertThat(param("IM-2025", "serves.firstYear").interpretation()).isEqualTo("I-1");
        assertThat(param("NX-2022", "crediting.minutesPerHour").interpretation()).isEqualTo("I-2");
        assertThat(param("NX-2022", "conversions.lecturing.category").interpretation()).isEqualTo("I-4");
        assertThat(param("NX-2022", "conversions.lecturing.hoursPerHourTaught").interpretation()).isEqualTo("I-12");
        assertThat(param("NX-2022", "reliefs.masterDegree.mode").interpretation()).isEqualTo("I-6");
        assertThat(param("NX-2022", "yearlyMinimums.total").interpretation()).isEqualTo("I-8");
        assertThat(param("NX-2022", "trainingBases.maxHoursPerInPersonDay").interpretation()).isEqualTo("I-11");
        assertThat(param("IM-2025", "crediting.activities.BASE_TRAINING.categories").value()).isEqualTo(List.of("PUBLIC", "PROFESSIONAL"));
        assertThat(param("IM-2025", "crediting.activities.BASE_TRAINING.categories").citation()).isEqualTo("IM-2025 一(四)1");
    }

    @Test
    void trainingBaseDeadlinesAreReadableForSupervision() {
        // RULES.md §8.
        assertThat(set("IM-2025").planDaysBeforeStart()).isEqualTo(14);
        assertThat(set("IM-2025").rosterDaysAfterEnd()).isEqualTo(14);
        assertThat(set("IM-2022").trainingBases().planDaysBeforeStart().citation()).startsWith("IM-2022 四(二)1");
        assertThat(set("IM-2017").planDaysBeforeStart()).isEqualTo(1);
        assertThat(set("IM-2017").rosterDaysAfterEnd()).isNull();
        assertThat(set("NX-2022").planDaysBeforeStart()).isNull();
        assertThat(set("NX-2022").rosterDaysAfterEnd()).isNull();
    }

    @Test
    void theVersionHashesContentNotLayout() {
        String text = yaml("IM-2025");
        RuleSet same = RuleSet.fromYaml("copy.yaml", "# another comment\n" + text.replace("id: IM-2025", "id:    IM-2025"));

        assertThat(same.version()).isEqualTo(set("IM-2025").version());
        assertThat(RuleSet.fromYaml("changed.yaml", text.replace("menAge: {value: 55", "menAge: {value: 56")).version())
                .isNotEqualTo(set("IM-2025").version());
    }

    @Test
    void aMissingKeyIsNamedWithTheFileAndPath() {
        // In a file that extends nothing (a file that extends another inherits what it leaves out: RuleSetLayersTest).
        String text = yaml("IM-2017").replace(
                "    levels: {value: [], citation: \"${id}: no such relief (RULES.md §6)\"}\n", "");
        assertThat(text).isNotEqualTo(yaml("IM-2017"));

        assertThatThrownBy(() -> RuleSet.fromYaml("operator.yaml", text))
                .isInstanceOfSatisfying(RuleSetFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("operator.yaml");
                    assertThat(e.path()).isEqualTo("reliefs.postdoc.levels");
                    assertThat(e.getMessage()).isEqualTo("operator.yaml: reliefs.postdoc.levels: missing key");
                });
    }

    @Test
    void anUnknownKeyIsNamedWithTheFileAndPath() {
        // Also in a file that extends another: the resolved tree is read as strictly as a complete file.
        String text = yaml("IM-2022").replace("crediting:\n  activities:", "crediting:\n  makeUpp: {value: true, citation: x}\n  activities:");
        assertThat(text).isNotEqualTo(yaml("IM-2022"));

        assertThatThrownBy(() -> RuleSet.fromYaml("operator.yaml", text))
                .isInstanceOfSatisfying(RuleSetFormatException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("operator.yaml: crediting.makeUpp: unknown key"));
    }

    @Test
    void aParameterWithoutCitationIsRejected() {
        String text = yaml("NX-2022").replace("hoursPerDay: {value: 6, citation: \"NX-2022 一(三)1 每天以 6 学时折合计算专业课程培训学时\"}",
                "hoursPerDay: {value: 6}");

        assertThatThrownBy(() -> RuleSet.fromYaml("nx.yaml", text))
                .isInstanceOf(RuleSetFormatException.class)
                .hasMessage("nx.yaml: conversions.studyTour.hoursPerDay.citation: missing key");
    }

    @Test
    void aValueOfTheWrongKindIsRejected() {
        String text = yaml("IM-2017").replace("covidFrontline: {value: NONE", "covidFrontline: {value: SOMETIMES");

        assertThatThrownBy(() -> RuleSet.fromYaml("im.yaml", text))
                .isInstanceOf(RuleSetFormatException.class)
                .hasMessageStartingWith("im.yaml: reliefs.covidFrontline.value: expected one of [NONE, WAIVED, CUT_YEARS]");
    }

    @Test
    void twoRuleSetsServingOneYearCannotBeRegistered() {
        RuleSet clash = RuleSet.fromYaml("clash.yaml", yaml("IM-2025").replace("id: IM-2025", "id: IM-2026"));

        assertThatThrownBy(() -> RuleSets.of(List.of(set("IM-2025"), clash)))
                .isInstanceOf(RuleSetFormatException.class).hasMessageContaining("IM-2026");
    }

    @Test
    void aVariantChangesTheNamedParametersOnly() {
        RuleSet variant = SETS.variant("IM-2022", Map.of("reliefs.agePartial.mode", "ANY_ONE_YEAR",
                "requirements.TITLE_EVALUATION.JUNIOR.public", 20));

        assertThat(variant.id()).isEqualTo("IM-2022+variant");
        assertThat(variant.version()).isNotEqualTo(set("IM-2022").version());
        assertThat(variant.reliefs().agePartial().mode().citation()).isEqualTo(set("IM-2022").reliefs().agePartial().mode().citation());
        assertThat(param(variant, "requirements.TITLE_EVALUATION.JUNIOR.public").value()).isEqualTo(20);
        assertThat(variant.parameters()).hasSameSizeAs(set("IM-2022").parameters());
        assertThat(SETS.byId("IM-2022+variant")).isEmpty();
        assertThatThrownBy(() -> SETS.variant("IM-2022", Map.of("reliefs.agePartial", "NONE")))
                .isInstanceOf(RuleSetFormatException.class).hasMessageContaining("names no parameter");
        assertThatThrownBy(() -> SETS.variant("IM-2022", Map.of("reliefs.agePartial.mode", "HALF")))
                .isInstanceOf(RuleSetFormatException.class).hasMessageContaining("reliefs.agePartial.mode.value");
        assertThatThrownBy(() -> SETS.variant("XX-1999", Map.of()))
                .isInstanceOf(UnknownRuleSetException.class);
    }

    private static Parameter param(String ruleSetId, String path) {
        return param(set(ruleSetId), path);
    }

    private static Parameter param(RuleSet ruleSet, String path) {
        return ruleSet.parameters().stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + path));
    }
}
