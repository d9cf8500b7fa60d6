package org.celedger.ops.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.NoRuleSetException;
import org.celedger.domain.rules.Outcome;
import org.celedger.domain.rules.PractitionerFacts;
import org.celedger.domain.rules.RecognitionPath;
import org.celedger.domain.rules.Relief;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.Requirement;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.celedger.domain.rules.YearTotals;
import org.celedger.ops.generate.PopulationGenerator;
import org.celedger.ops.generate.Settings;
import org.junit.jupiter.api.Test;

/**
 * Every decision and every yearly total the rule engine gives a generated population, folded into one
 * SHA-256, pinned: a refactoring of the rules (issue 15: layered rule sets, one rule kind per class)
 * must not change a single figure, citation or trace sentence.
 *
 * <p>The population is the generator's (ops README, "The generator's sampling"): 20,000 practitioners
 * with ten years of facts (2017–2026), both jurisdictions, every kind of fact, revocations, make-up,
 * exemptions and transfers. Each practitioner's batch items become the events the ledger would record
 * ({@link GeneratedFacts}) and are evaluated in memory, without the HTTP app. For each evaluation year
 * below, every purpose and level (TITLE_EVALUATION × the four levels, ASSESSMENT_RECOGNITION × the four
 * paths) is decided under the rule set serving that year (RULES.md §3), which covers every bundled rule
 * set: IM-2017 (2019, 2021), IM-2022 (2022, 2024), IM-2025 (2025, 2026), NX-2022 (2022 onwards); the
 * title levels also as exceptional (破格) applications in the IM-2025 years. Then every purpose and level
 * of 2025 under each bundled rule set in turn (a replay), and the yearly view (API.md {@code /years}) of
 * every practitioner.
 *
 * <p>The canonical serialization is one line per decision: the query, the rule set id, outcome,
 * eligible, reference status, window, every relief (kind, decisive, effect, citation, detail), every
 * requirement row (scope, measure, required, credited, met, shortfall, rule, citation and each
 * contribution), and one line per year of the yearly view (year, rule set id, the three figures,
 * status and each item). Rule-set versions are left out: {@code RuleSetVersionTest} pins them.
 *
 * <p>When a change is meant to alter results (a new rule, a corrected figure) or the generator's
 * drawing changes, the constant is recomputed on the new code and the commit says why it moved.
 */
class RuleEngineChecksumTest {

    /** Computed from the rule engine and rule sets as they stood before issue 15 (commit 9d58164). */
    private static final String CHECKSUM = "d85b7c19f399c6bde8ef41cb6fa4aa1f9e8c544dd909c7268a02175408e8ae82";

    private static final Settings SETTINGS = new Settings(20_000, 10, 15L, Settings.DEFAULT_AS_OF, true);
    private static final int[] YEARS = {2019, 2021, 2022, 2024, 2025, 2026};
    private static final int[] EXCEPTIONAL_YEARS = {2025, 2026};
    private static final int REPLAY_YEAR = 2025;

    private final RuleEngine engine = new RuleEngine();
    private final RuleSets ruleSets = RuleSets.bundled();
    /** How often each relief was listed in a decision: every kind must occur. */
    private final Map<ReliefKind, Integer> reliefs = new EnumMap<>(ReliefKind.class);

    @Test
    void everyDecisionAndYearlyTotalOfAGeneratedPopulationIsUnchanged() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<String, Integer> byRuleSet = new TreeMap<>();
        int practitioners = 0;
        long decisions = 0;
        long start = System.nanoTime();
        // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        StringBuilder text = new StringBuilder(1 << 16);
        for (PopulationGenerator.Generated p : new PopulationGenerator(SETTINGS)) {
            PractitionerFacts facts = PractitionerFacts.of(GeneratedFacts.of(p.items()));
            text.setLength(0);
            text.append("P|").append(p.id()).append('\n');
            for (int year : YEARS) {
                for (TitleLevel level : TitleLevel.values()) {
                    if (level != TitleLevel.NONE) {
                        decisions++;
                        decide(facts, EligibilityQuery.title(level, year), text, outcomes, byRuleSet);
                    }
                }
                for (RecognitionPath path : RecognitionPath.values()) {
                    decisions++;
                    decide(facts, EligibilityQuery.recognition(path, year), text, outcomes, byRuleSet);
                }
            }
            for (int year : EXCEPTIONAL_YEARS) {
                for (TitleLevel level : TitleLevel.values()) {
                    if (level != TitleLevel.NONE) {
                        decisions++;
                        decide(facts, EligibilityQuery.title(level, year).exceptionalApplication(), text, outcomes,
                                byRuleSet);
                    }
                }
            }
            // Replay (RULES.md §3: a caller may name any rule set): every rule set on everyone, so each rule
            // kind meets the whole population, not only the people of its own jurisdiction.
            for (RuleSet ruleSet : ruleSets.all()) {
                for (TitleLevel level : TitleLevel.values()) {
                    if (level != TitleLevel.NONE) {
                        decisions++;
                        replay(facts, ruleSet, EligibilityQuery.title(level, REPLAY_YEAR), text, outcomes);
                    }
                }
                for (RecognitionPath path : RecognitionPath.values()) {
                    decisions++;
                    replay(facts, ruleSet, EligibilityQuery.recognition(path, REPLAY_YEAR), text, outcomes);
                }
            }
            for (YearTotals y : engine.years(facts, ruleSets)) {
                year(y, text);
            }
            // The checksum was recorded when a generated practitioner's id was its resident ID number; ids carry no
            // personal data since (API.md "Personal data"), so each is written as the number it was, and the
            // constant still proves the rules unchanged.
            digest.update(text.toString().replace(p.id(), p.idNumber()).getBytes(StandardCharsets.UTF_8));
            practitioners++;
        }
        String checksum = HexFormat.of().formatHex(digest.digest());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("RuleEngineChecksumTest: %,d practitioners, %,d decisions in %.1f s (%.1f s of CPU); "
                + "outcomes %s; rule sets %s; reliefs %s; checksum %s%n", practitioners, decisions, seconds, cpuSeconds,
                outcomes, byRuleSet, reliefs, checksum);

        // The population must reach every outcome and rule set, or the checksum would pin too little.
        assertThat(practitioners).isEqualTo(SETTINGS.practitioners());
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Outcome.values());
        // Every relief a bundled rule set has. BORDER_REGION is in none (no notice states it): a test rule set
        // turns it on (ledger-domain's BorderRegionTest), so the generated population cannot list it.
        assertThat(reliefs.keySet()).as("reliefs listed %s", reliefs)
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(ReliefKind.BORDER_REGION)));
        assertThat(byRuleSet.keySet()).contains("IM-2017", "IM-2022", "IM-2025", "NX-2022", "none");
        assertThat(checksum).as("SHA-256 of every decision and yearly total; outcomes %s", outcomes)
                .isEqualTo(CHECKSUM);
    }

    private void decide(PractitionerFacts facts, EligibilityQuery query, StringBuilder out,
                        Map<Outcome, Integer> outcomes, Map<String, Integer> byRuleSet) {
        query(query, out);
        Decision d;
        try {
            d = engine.evaluate(facts, ruleSets, query);
        } catch (NoRuleSetException e) {
            // A year no rule set serves for the practitioner's jurisdiction is an answer too (RULES.md §3).
            out.append("NO_RULE_SET|").append(e.jurisdiction()).append('\n');
            byRuleSet.merge("none", 1, Integer::sum);
            return;
        }
        byRuleSet.merge(d.ruleSet().id(), 1, Integer::sum);
        decision(d, out, outcomes);
    }

    private void replay(PractitionerFacts facts, RuleSet ruleSet, EligibilityQuery query, StringBuilder out,
                        Map<Outcome, Integer> outcomes) {
        query(query, out);
        out.append("under ");
        decision(engine.evaluate(facts, ruleSet, query), out, outcomes);
    }

    private static void query(EligibilityQuery query, StringBuilder out) {
        out.append("D|").append(query.purpose()).append('|').append(query.level()).append('|').append(query.year())
                .append('|').append(query.exceptional()).append('|');
    }

    private void decision(Decision d, StringBuilder out, Map<Outcome, Integer> outcomes) {
        outcomes.merge(d.outcome(), 1, Integer::sum);
        d.reliefs().forEach(r -> reliefs.merge(r.kind(), 1, Integer::sum));
        out.append(d.ruleSet().id()).append('|').append(d.asOf()).append('|').append(d.outcome()).append('|')
                .append(d.eligible()).append('|').append(d.referenceStatus()).append('|').append(d.window())
                .append('|').append(d.upToSequence()).append('\n');
        for (Relief r : d.reliefs()) {
            out.append(" R|").append(r.kind()).append('|').append(r.decisive()).append('|').append(r.effect())
                    .append('|').append(r.citation()).append('|').append(r.detail()).append('\n');
        }
        for (Requirement r : d.requirements()) {
            out.append(" Q|").append(r.scope()).append('|').append(r.category()).append('|')
                    .append(r.required().toPlainString()).append('|').append(r.credited().toPlainString())
                    .append('|').append(r.met()).append('|').append(r.shortfall().toPlainString()).append('|')
                    .append(r.rule()).append('|').append(r.citation()).append('\n');
            contributions(r.contributions(), out);
        }
    }

    private static void year(YearTotals y, StringBuilder out) {
        out.append("Y|").append(y.year()).append('|').append(y.ruleSet() == null ? null : y.ruleSet().id())
                .append('|').append(y.publicHours().toPlainString()).append('|')
                .append(y.professionalHours().toPlainString()).append('|').append(y.totalHours().toPlainString())
                .append('|').append(y.status()).append('\n');
        contributions(y.items(), out);
    }

    private static void contributions(List<Contribution> items, StringBuilder out) {
        for (Contribution c : items) {
            out.append("  C|").append(c.sequence()).append('|').append(c.eventType()).append('|').append(c.id())
                    .append('|').append(c.hours().toPlainString()).append('|').append(c.citation()).append('|')
                    .append(c.category()).append('|').append(c.note()).append('\n');
        }
    }
}
