package org.celedger.projections.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.projections.history.ReadSide.profile;
import static org.celedger.projections.history.ReadSide.registeredWithFullYears;

import java.util.Map;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.Outcome;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.celedger.projections.history.ReadSide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What-if counts the eligible under two rule sets over the views' facts and lists each practitioner who differs. */
class WhatIfTest {

    private final ReadSide readSide = new ReadSide();
    private final WhatIf whatIf = new WhatIf(readSide.store, readSide.codec, readSide.engine);

    @AfterEach
    void close() {
        readSide.close();
    }

    @Test
    void loweringTheAgeOfThePartialReliefMakesAMan48EligibleOnOneFullYear() {
        // each has one full year (2024) of the window 2023–2025; the man is 48 at the end of 2025, the woman 35
        readSide.record("p-old", registeredWithFullYears("p-old", profile("包头市", Gender.MALE, 1977), 2024));
        readSide.record("p-young", registeredWithFullYears("p-young", profile("包头市", Gender.FEMALE, 1990), 2024));
        readSide.record("p-full", registeredWithFullYears("p-full", profile("乌海市", Gender.FEMALE, 1990),
                2023, 2024, 2025));
        RuleSets bundled = RuleSets.bundled();
        RuleSet baseline = bundled.byId("IM-2025").orElseThrow();
        RuleSet candidate = bundled.variant("IM-2025", Map.of("reliefs.agePartial.menAge", 47));

        WhatIf.Result result = whatIf.run(EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2025), baseline, candidate,
                null, null);

        assertThat(result.jurisdiction()).isEqualTo("IM");
        assertThat(result.population()).isEqualTo(3);
        assertThat(result.eligibleUnderBaseline()).isEqualTo(1);
        assertThat(result.eligibleUnderCandidate()).isEqualTo(2);
        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.differences()).singleElement().satisfies(d -> {
            assertThat(d.practitionerId()).isEqualTo("p-old");
            assertThat(d.baseline().outcome()).isEqualTo(Outcome.NOT_MET);
            assertThat(d.candidate().outcome()).isEqualTo(Outcome.MET);
        });
        assertThat(result.candidate().id()).isEqualTo("IM-2025+variant");
    }

    @Test
    void aRegionNarrowsThePopulation() {
        readSide.record("p-1", registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1977), 2024));
        readSide.record("p-2", registeredWithFullYears("p-2", profile("乌海市", Gender.MALE, 1977), 2024));
        RuleSet im2025 = RuleSets.bundled().byId("IM-2025").orElseThrow();

        WhatIf.Result result = whatIf.run(EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2025), im2025, im2025,
                "IM", "乌海市");

        assertThat(result.population()).isEqualTo(1);
        assertThat(result.changed()).isZero();
        assertThat(result.differences()).isEmpty();
    }
}
