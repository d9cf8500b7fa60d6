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
import org.celedger.domain.rules.awards.AwardCrediting;
import org.celedger.domain.rules.awards.MakeUp;
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
import org.celedger.domain.rules.requirements.AgePartialAnyOneYear;
import org.celedger.domain.rules.requirements.AgePartialThirdOfMinimums;
import org.celedger.domain.rules.requirements.AgePartialThirdOfWindowTotal;
import org.celedger.domain.rules.requirements.MasterDegreeProration;
import org.celedger.domain.rules.requirements.Requirements;
import org.celedger.domain.rules.requirements.WindowRequirement;
import org.celedger.domain.rules.requirements.YearlyRequirement;
import org.celedger.domain.rules.model.AgePartialMode;
import org.celedger.domain.rules.model.MasterDegreeMode;
import org.junit.jupiter.api.Test;

/**
 * From a clause to its code in one search (issue 15): every clause that a bundled rule set cites for
 * the keys of a rule kind that is a class of its own (the awards of RULES.md §4.1, the conversions of
 * §4.2, the requirement kinds of §5, the reliefs of §6) is named in the Javadoc of the class that reads
 * those keys, so {@code grep -r "IM-2025 一(五)5"} lands in {@link GovernmentTransferCut}; and the clause
 * of a requirement modifier is named in the class that shapes the requirement for it too.
 */
class RuleKindClausesTest {

    /** The class reading each key under {@code crediting}, {@code reliefs} and {@code conversions}. */
    private static final Map<String, Class<?>> OWNER = Map.ofEntries(
            Map.entry("crediting.minutesPerHour", AwardCrediting.class),
            Map.entry("crediting.makeUp", MakeUp.class),
            Map.entry("crediting.activities", AwardCrediting.class),
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

    /** The class shaping the requirement for each mode of a requirement modifier (RULES.md §6). */
    private static final Map<Enum<?>, Class<?>> SHAPER = Map.of(
            AgePartialMode.ONE_THIRD_OF_WINDOW_TOTAL, AgePartialThirdOfWindowTotal.class,
            AgePartialMode.ONE_THIRD_OF_MINIMUMS, AgePartialThirdOfMinimums.class,
            AgePartialMode.ANY_ONE_YEAR, AgePartialAnyOneYear.class,
            MasterDegreeMode.PRORATE_BY_YEARS_IN_POST, MasterDegreeProration.class);

    /** A document's clause at the start of a citation: {@code IM-2025 一(五)5}, {@code IM-2022 三(一)–(四),(七)}. */
    private static final Pattern CLAUSE = Pattern.compile("^((?:IM-MEASURES|IM|NX)-\\d{4}) ([^\\s:;]+)");

    @Test
    void everyClauseCitedForARuleKindIsNamedInTheClassThatReadsIt() throws IOException {
        Map<Class<?>, TreeSet<String>> clauses = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
        for (RuleSet ruleSet : RuleSets.bundled().all()) {
            for (Parameter p : ruleSet.parameters()) {
                if (!p.path().matches("(reliefs|conversions|crediting|requirements)\\..*")) {
                    continue;
                }
                Class<?> owner = owner(ruleSet, p.path());
                assertThat(owner).as("the class reading %s", p.path()).isNotNull();
                Matcher m = CLAUSE.matcher(p.citation());
                if (m.find()) {
                    String clause = m.group(1) + " " + m.group(2);
                    clauses.computeIfAbsent(owner, k -> new TreeSet<>()).add(clause);
                    Class<?> shaper = p.path().endsWith(".mode") && p.value() != null ? shaper(p) : null;
                    if (shaper != null) {
                        clauses.computeIfAbsent(shaper, k -> new TreeSet<>()).add(clause);
                    }
                }
            }
        }
        assertThat(clauses.keySet()).containsAll(new java.util.HashSet<>(OWNER.values()))
                .containsAll(new java.util.HashSet<>(SHAPER.values()))
                .contains(YearlyRequirement.class, WindowRequirement.class);
        clauses.forEach((owner, cited) -> {
            String source = source(owner);
            assertThat(cited).as(owner.getSimpleName()).allSatisfy(clause -> assertThat(source).contains(clause));
        });
    }

    /** The class reading a parameter: a requirement level's keys are read by the class of its kind. */
    private static Class<?> owner(RuleSet ruleSet, String path) {
        String[] keys = path.split("\\.");
        if (keys[0].equals("requirements")) {
            return switch (ruleSet.requirement(Purpose.valueOf(keys[1]), keys[2]).kind().value()) {
                case YEARLY -> YearlyRequirement.class;
                case WINDOW -> WindowRequirement.class;
                case NO_RULE, WAIVED -> Requirements.class;
            };
        }
        return OWNER.get(keys[0] + "." + keys[1]);
    }

    /** The class shaping the requirement for the mode a {@code reliefs.*.mode} parameter states, if any. */
    private static Class<?> shaper(Parameter p) {
        for (Map.Entry<Enum<?>, Class<?>> e : SHAPER.entrySet()) {
            if (p.path().startsWith("reliefs.") && e.getKey().name().equals(String.valueOf(p.value()))) {
                return e.getValue();
            }
        }
        return null;
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
