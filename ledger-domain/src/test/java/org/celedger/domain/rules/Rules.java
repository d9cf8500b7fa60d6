package org.celedger.domain.rules;

import java.math.BigDecimal;

/** Shared test helpers: the bundled rule sets and the engine. */
final class Rules {

    static final RuleSets SETS = RuleSets.bundled();
    static final RuleEngine ENGINE = new RuleEngine();

    private Rules() {
    }

    static RuleSet set(String id) {
        return SETS.byId(id).orElseThrow();
    }

    static BigDecimal h(String hours) {
        return new BigDecimal(hours).setScale(1);
    }
}
