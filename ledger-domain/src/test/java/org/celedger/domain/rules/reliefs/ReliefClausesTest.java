package org.celedger.domain.rules.reliefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.celedger.domain.rules.Parameter;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.Test;

/**
 * From a clause to its code in one search (STYLE.md): every clause that a bundled rule set cites for a
 * relief's keys is named in the Javadoc of the class that reads those keys, so {@code grep -r
 * "IM-2025 一(五)5"} lands in {@link GovernmentTransferCut}.
 */
class ReliefClausesTest {

    /** The class reading each key under {@code reliefs}. */
    private static final Map<String, Class<?>> OWNER = Map.ofEntries(
            Map.entry("purposes", Reliefs.class),
            Map.entry("ageFull", AgeFull.class),
            Map.entry("agePartial", AgePartial.class),
            Map.entry("nonPublicSector", NonPublicSector.class),
            Map.entry("grassroots", Grassroots.class),
            Map.entry("covidFrontline", CovidFrontline.class),
            Map.entry("governmentTransfer", GovernmentTransferCut.class),
            Map.entry("postdoc", Postdoc.class),
            Map.entry("exceptionalPromotion", ExceptionalPromotionCut.class),
            Map.entry("degreeInWindow", DegreeInWindow.class),
            Map.entry("masterDegree", MasterDegree.class));

    /** A document's clause at the start of a citation: {@code IM-2025 一(五)5}, {@code IM-2022 三(一)–(四),(七)}. */
    private static final Pattern CLAUSE = Pattern.compile("^((?:IM-MEASURES|IM|NX)-\\d{4}) ([^\\s:;]+)");

    @Test
    void everyClauseCitedForAReliefIsNamedInTheClassThatReadsIt() throws IOException {
        Map<Class<?>, TreeSet<String>> clauses = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
        for (RuleSet ruleSet : RuleSets.bundled().all()) {
            for (Parameter p : ruleSet.parameters()) {
                if (!p.path().startsWith("reliefs.")) {
                    continue;
                }
                Class<?> owner = OWNER.get(p.path().split("\\.")[1]);
                assertThat(owner).as("the class reading %s", p.path()).isNotNull();
                Matcher m = CLAUSE.matcher(p.citation());
                if (m.find()) {
                    clauses.computeIfAbsent(owner, k -> new TreeSet<>()).add(m.group(1) + " " + m.group(2));
                }
            }
        }
        assertThat(clauses).hasSize(OWNER.size());
        clauses.forEach((owner, cited) -> {
            String source = source(owner);
            assertThat(cited).as(owner.getSimpleName()).allSatisfy(clause -> assertThat(source).contains(clause));
        });
    }

    private static String source(Class<?> type) {
        try {
            return Files.readString(Path.of("src/main/java", type.getName().replace('.', '/') + ".java"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the test runs in the module's directory", e);
        }
    }
}
