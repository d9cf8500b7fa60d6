package org.celedger.domain.rules;

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
import org.celedger.domain.rules.conversions.DegreeConversion;
import org.celedger.domain.rules.conversions.QualificationExam;
import org.celedger.domain.rules.conversions.RateConversion;
import org.celedger.domain.rules.conversions.TitleExam;
import org.celedger.domain.rules.reliefs.AgeFull;
import org.celedger.domain.rules.reliefs.AgePartial;
import org.celedger.domain.rules.reliefs.CovidFrontline;
import org.celedger.domain.rules.reliefs.DegreeInWindow;
import org.celedger.domain.rules.reliefs.ExceptionalPromotionCut;
import org.celedger.domain.rules.reliefs.GovernmentTransferCut;
import org.celedger.domain.rules.reliefs.Grassroots;
import org.celedger.domain.rules.reliefs.MasterDegree;
import org.celedger.domain.rules.reliefs.NonPublicSector;
import org.celedger.domain.rules.reliefs.Postdoc;
import org.celedger.domain.rules.reliefs.Reliefs;
import org.junit.jupiter.api.Test;

/**
 * From a clause to its code in one search (STYLE.md): every clause that a bundled rule set cites for
 * the keys of a rule kind that is a class of its own (the reliefs of RULES.md §6, the conversions of
 * §4.2) is named in the Javadoc of the class that reads those keys, so {@code grep -r "IM-2025 一(五)5"}
 * lands in {@link GovernmentTransferCut}.
 */
class RuleKindClausesTest {

    /** The class reading each key under {@code reliefs} and {@code conversions}. */
    private static final Map<String, Class<?>> OWNER = Map.ofEntries(
            Map.entry("reliefs.purposes", Reliefs.class),
            Map.entry("reliefs.ageFull", AgeFull.class),
            Map.entry("reliefs.agePartial", AgePartial.class),
            Map.entry("reliefs.nonPublicSector", NonPublicSector.class),
            Map.entry("reliefs.grassroots", Grassroots.class),
            Map.entry("reliefs.covidFrontline", CovidFrontline.class),
            Map.entry("reliefs.governmentTransfer", GovernmentTransferCut.class),
            Map.entry("reliefs.postdoc", Postdoc.class),
            Map.entry("reliefs.exceptionalPromotion", ExceptionalPromotionCut.class),
            Map.entry("reliefs.degreeInWindow", DegreeInWindow.class),
            Map.entry("reliefs.masterDegree", MasterDegree.class),
            Map.entry("conversions.qualificationExam", QualificationExam.class),
            Map.entry("conversions.titleLanguageExam", TitleExam.class),
            Map.entry("conversions.computerExam", TitleExam.class),
            Map.entry("conversions.lecturing", RateConversion.class),
            Map.entry("conversions.studyTour", RateConversion.class),
            Map.entry("conversions.degree", DegreeConversion.class));

    /** A document's clause at the start of a citation: {@code IM-2025 一(五)5}, {@code IM-2022 三(一)–(四),(七)}. */
    private static final Pattern CLAUSE = Pattern.compile("^((?:IM-MEASURES|IM|NX)-\\d{4}) ([^\\s:;]+)");

    @Test
    void everyClauseCitedForARuleKindIsNamedInTheClassThatReadsIt() throws IOException {
        Map<Class<?>, TreeSet<String>> clauses = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
        for (RuleSet ruleSet : RuleSets.bundled().all()) {
            for (Parameter p : ruleSet.parameters()) {
                if (!p.path().startsWith("reliefs.") && !p.path().startsWith("conversions.")) {
                    continue;
                }
                String[] keys = p.path().split("\\.");
                Class<?> owner = OWNER.get(keys[0] + "." + keys[1]);
                assertThat(owner).as("the class reading %s", p.path()).isNotNull();
                Matcher m = CLAUSE.matcher(p.citation());
                if (m.find()) {
                    clauses.computeIfAbsent(owner, k -> new TreeSet<>()).add(m.group(1) + " " + m.group(2));
                }
            }
        }
        assertThat(clauses.keySet()).containsAll(new java.util.HashSet<>(OWNER.values()));
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
