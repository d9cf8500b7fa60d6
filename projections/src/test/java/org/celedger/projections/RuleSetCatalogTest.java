package org.celedger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's rule-set directory: its files extend bundled rule sets and each other, and replace by id. */
class RuleSetCatalogTest {

    @Test
    void operatorFilesStateOnlyWhatTheyChange(@TempDir Path dir) throws Exception {
        // A revision of a bundled rule set, under its own id.
        Files.writeString(dir.resolve("NX-2022.yaml"), """
                extends: NX-2022
                id: NX-2022
                trainingBases:
                  planDaysBeforeStart: {value: 7, citation: "draft revision of NX-2022"}
                """);
        // A new notice: the rule set it refines now ends the year before, and a later notice extends the new one.
        Files.writeString(dir.resolve("IM-2025.yaml"), """
                extends: IM-2025
                id: IM-2025
                serves:
                  firstYear: {value: 2025, citation: "IM-2025 一(二)", interpretation: I-1}
                  lastYear: {value: 2029, citation: "RULES.md §3: until IM-2030", interpretation: I-1}
                """);
        Files.writeString(dir.resolve("IM-2030.yaml"), """
                extends: IM-2025
                id: IM-2030
                serves:
                  firstYear: {value: 2030, citation: "draft IM-2030 一"}
                  lastYear: {value: 2030, citation: "until IM-2031"}
                trainingBases:
                  rosterDaysAfterEnd: {value: 10, citation: "draft IM-2030 二"}
                """);
        Files.writeString(dir.resolve("IM-2031.yaml"), """
                extends: IM-2030
                id: IM-2031
                serves:
                  firstYear: {value: 2031, citation: "draft IM-2031 一"}
                  lastYear: {value: null, citation: "draft"}
                """);

        RuleSets sets = new RuleSetCatalog(dir).load();
        RuleSet bundledNx = RuleSets.bundled().byId("NX-2022").orElseThrow();

        assertThat(sets.all()).extracting(RuleSet::id).containsExactly("IM-2017", "IM-2022", "IM-2025", "IM-2030",
                "IM-2031", "NX-2022");
        assertThat(sets.byId("NX-2022").orElseThrow().planDaysBeforeStart()).isEqualTo(7);
        assertThat(sets.byId("NX-2022").orElseThrow().version()).isNotEqualTo(bundledNx.version());
        assertThat(sets.byId("NX-2022").orElseThrow().requirement(Purpose.TITLE_EVALUATION, "INTERMEDIATE"))
                .isEqualTo(bundledNx.requirement(Purpose.TITLE_EVALUATION, "INTERMEDIATE"));
        assertThat(sets.serving(Jurisdiction.IM, 2029).id()).isEqualTo("IM-2025");
        assertThat(sets.byId("IM-2025").orElseThrow().lastYear()).isEqualTo(2029);
        assertThat(sets.byId("IM-2030").orElseThrow().lastYear()).isEqualTo(2030);
        assertThat(sets.byId("IM-2031").orElseThrow().rosterDaysAfterEnd()).isEqualTo(10);
        assertThat(sets.byId("IM-2031").orElseThrow().planDaysBeforeStart()).isEqualTo(14);
        assertThat(sets.byId("IM-2031").orElseThrow().reliefs().degreeInWindow().mode().citation())
                .isEqualTo("IM-2031: no such relief (RULES.md §6)");
    }
}
