package org.celedger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.Test;

/** A generation keeps the rule sets it was first derived with, whatever the catalog holds later. */
class ServingRuleSetsTest {

    private final RuleSets before = RuleSets.bundled();
    private final RuleSets after = RuleSets.of(List.of(before.byId("IM-2025").orElseThrow()));
    private final AtomicReference<RuleSets> catalog = new AtomicReference<>(before);
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger(1);
    private final ServingRuleSets ruleSets = new ServingRuleSets(() -> {
        loads.incrementAndGet();
        return catalog.get();
    }, served::get);

    @Test
    void aGenerationKeepsTheRuleSetsOfItsFirstUse() {
        assertThat(ruleSets.of(1)).isSameAs(before);
        catalog.set(after);

        assertThat(ruleSets.of(1)).isSameAs(before);
        assertThat(ruleSets.forReads()).isSameAs(before);
        assertThat(ruleSets.of(2)).as("a generation first used now").isSameAs(after);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aRebuildFixesItsGenerationsRuleSetsAndReadsFollowTheServedGeneration() {
        ruleSets.of(1);
        catalog.set(after);

        RuleSets fresh = ruleSets.fresh();
        ruleSets.fix(2, fresh);
        assertThat(ruleSets.forReads()).isSameAs(before);
        served.set(2);

        assertThat(ruleSets.forReads()).isSameAs(after);
        assertThat(ruleSets.of(1)).isSameAs(before);
    }
}
