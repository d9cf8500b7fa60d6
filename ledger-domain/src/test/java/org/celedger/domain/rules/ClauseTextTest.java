package org.celedger.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A citation leads to its clause's text in the source document (RULES.md §3): each level of numbering
 * the documents use, and every clause the bundled rule sets cite.
 */
class ClauseTextTest {

    static final List<RuleSetSource> SOURCES = RuleSets.bundled().all().stream().flatMap(r -> r.sources().stream())
            .distinct().toList();

    @ParameterizedTest(name = "{0} starts with {1}")
    @CsvSource(delimiter = '|', value = {
            "IM-2025 一(四)1      | 1.继续教育基地及网络平台培训学时规定。| 8",
            "IM-2025 一(三)      | （三）结果使用                        | 4",
            "IM-2022 三(一)      | （一）按年龄减免学时规定：男满55周岁、女满50周岁 | 1",
            "IM-MEASURES-2017 第十条 | 第十条  继续教育实行学时考核和证书登记制度 | 1",
            "IM-2022 一(一)(二)    | （一）公需科目。                       | 2",
            "NX-2022 一(三)2      | 2. 对不要求外语和计算机应用能力考试的职称评审系列 | 1",
    })
    void aClauseIsItsNumberedLineAndWhatFollowsUntilTheNextAtItsLevel(String citation, String start, int lines) {
        ClauseText.Clause clause = ClauseText.of(citation, SOURCES).get(0);
        assertThat(clause.text()).startsWith(start.strip());
        assertThat(clause.text().lines().filter(l -> !l.isBlank()).count()).isEqualTo(lines);
    }

    @Test
    void aCitationOfSeveralClausesKeepsEachWithItsNote() {
        List<ClauseText.Clause> clauses = ClauseText.of(
                "IM-2025 一(四) last paragraph; IM-MEASURES-2017 第十条; RULES.md §4.1", SOURCES);
        assertThat(clauses).extracting(ClauseText.Clause::source).containsExactly("IM-2025", "IM-MEASURES-2017");
        assertThat(clauses.get(0).note()).isEqualTo("last paragraph");
        assertThat(clauses.get(0).document()).isEqualTo("内人社办发〔2024〕201号 关于做好2025年全区专业技术人员继续教育工作的通知");
        assertThat(clauses.get(0).text()).startsWith("（四）学时计入及折合规定");
        assertThat(clauses.get(1).note()).isNull();
    }

    @Test
    void aNumberingTheDocumentDoesNotHaveHasNoText() {
        assertThat(ClauseText.of("IM-2025 九(九)9", SOURCES)).singleElement()
                .satisfies(c -> assertThat(c.text()).isNull());
        assertThat(ClauseText.find("一、甲\n（一）乙", "二")).isEmpty();
    }

    @Test
    void everyClauseABundledRuleSetCitesIsFoundInItsDocument() {
        List<String> missing = new ArrayList<>();
        TreeSet<String> cited = new TreeSet<>();
        for (RuleSet ruleSet : RuleSets.bundled().all()) {
            for (Parameter p : ruleSet.parameters()) {
                for (ClauseText.Clause c : ClauseText.of(p.citation(), ruleSet.sources())) {
                    cited.add(c.source() + " " + c.path());
                    if (c.text() == null) {
                        missing.add(ruleSet.id() + " " + p.path() + ": " + c.source() + " " + c.path());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(cited).hasSizeGreaterThan(40);
    }
}
