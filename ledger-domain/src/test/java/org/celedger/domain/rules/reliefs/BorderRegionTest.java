package org.celedger.domain.rules.reliefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.Outcome;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.Relief;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.celedger.domain.rules.model.ReliefMode;
import org.junit.jupiter.api.Test;

/**
 * A relief is one class and one key: {@link BorderRegion}, turned on only by the test rule set
 * {@code test-rule-sets/IM-2025-border.yaml} (IM-2025 extended by the key {@code reliefs.borderRegion}),
 * decides a practitioner of a border region WAIVED from its date, and the bundled rule sets do not have it.
 */
class BorderRegionTest {

    private static final RuleEngine ENGINE = new RuleEngine();
    private static final RuleSet BORDER = testRuleSet("IM-2025-border.yaml");
    private static final RuleSet IM_2025 = RuleSets.bundled().byId("IM-2025").orElseThrow();

    private static RuleSet testRuleSet(String file) {
        try (InputStream in = BorderRegionTest.class.getResourceAsStream("/test-rule-sets/" + file)) {
            return RuleSet.fromYaml(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A practitioner of {@code region} with no hours at all, so only a relief can make them eligible. */
    private static List<RecordedFact> practitionerOf(String region) {
        PractitionerProfile profile = new PractitionerProfile("王五", Gender.MALE, LocalDate.of(1982, 4, 2), Jurisdiction.IM,
                region, Sector.PUBLIC_INSTITUTION, false, "工程", TitleLevel.INTERMEDIATE, LocalDate.of(2018, 6, 1),
                Degree.BACHELOR);
        return List.of(new RecordedFact(0, Instant.EPOCH, new PractitionerRegistered("p-9", profile)));
    }

    private static Decision decide(RuleSet ruleSet, String region, LocalDate asOf) {
        return ENGINE.evaluate(practitionerOf(region), ruleSet,
                EligibilityQuery.title(TitleLevel.ASSOCIATE_SENIOR, 2026).asOf(asOf));
    }

    @Test
    void theTestRuleSetReadsTheKeyWithItsCitations() {
        BorderRegion relief = (BorderRegion) BORDER.reliefs().of(ReliefKind.BORDER_REGION);

        assertThat(relief.mode().value()).isEqualTo(ReliefMode.WAIVED);
        assertThat(relief.regions().value()).isEqualTo(Set.of("满洲里市", "二连浩特市"));
        assertThat(relief.from().value()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(relief.from().cite()).isEqualTo("TEST 自2026年7月1日起");
    }

    @Test
    void aPractitionerOfABorderRegionIsWaivedFromTheDateAndTheTraceSaysWhy() {
        Decision d = decide(BORDER, "满洲里市", LocalDate.of(2026, 12, 31));

        assertThat(d.outcome()).isEqualTo(Outcome.WAIVED);
        assertThat(d.eligible()).isTrue();
        assertThat(d.window()).containsExactly(2024, 2025, 2026);
        assertThat(d.requirements()).isEmpty();
        assertThat(d.reliefs()).containsExactly(new Relief(ReliefKind.BORDER_REGION, true,
                "TEST 边境地区 (no such notice)",
                "region 满洲里市 at 2026-12-31 is a border region (relief from 2026-07-01)", ReliefEffect.WAIVED));
    }

    @Test
    void beforeTheDateTheReliefIsListedWithoutEffectAndTheHoursDecide() {
        Decision d = decide(BORDER, "满洲里市", LocalDate.of(2026, 6, 30));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(d.reliefs()).containsExactly(new Relief(ReliefKind.BORDER_REGION, false, "TEST 自2026年7月1日起",
                "region 满洲里市 at 2026-06-30 is a border region; the relief applies to evaluations as of 2026-07-01 or later",
                ReliefEffect.NONE));
        // Three years of 30 / 60 / 90 (IM-2025 一(三)1), nothing credited.
        assertThat(d.requirements()).hasSize(9).allSatisfy(r -> assertThat(r.credited()).isEqualByComparingTo("0"));
    }

    @Test
    void aPractitionerOfAnotherRegionHasNoSuchRelief() {
        Decision d = decide(BORDER, "呼和浩特市", LocalDate.of(2026, 12, 31));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(d.reliefs()).isEmpty();
    }

    @Test
    void theBundledRuleSetHasNoSuchReliefAndKeepsItsVersion() {
        Decision d = decide(IM_2025, "满洲里市", LocalDate.of(2026, 12, 31));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(d.reliefs()).isEmpty();
        assertThat(((BorderRegion) IM_2025.reliefs().of(ReliefKind.BORDER_REGION)).mode().value()).isEqualTo(ReliefMode.NONE);
        assertThat(IM_2025.parameters()).noneMatch(p -> p.path().startsWith("reliefs.borderRegion"));
        assertThat(BORDER.version()).isNotEqualTo(IM_2025.version());
    }
}
