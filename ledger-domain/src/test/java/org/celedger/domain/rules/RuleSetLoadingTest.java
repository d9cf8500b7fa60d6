package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Jurisdiction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetLoadingTest {
    @Test
    void bundledRuleSetsLoad() {
        RuleSets sets = RuleSets.bundled();
        assertThat(sets.all()).extracting(RuleSet::id).containsExactly("IM-2017", "IM-2022", "IM-2025", "NX-2022");
        assertThat(sets.serving(Jurisdiction.IM, 2023).id()).isEqualTo("IM-2022");
    }
}
