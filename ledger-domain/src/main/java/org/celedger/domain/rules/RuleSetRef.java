package org.celedger.domain.rules;

/** The rule set a result was computed under: its id and content hash. */
public record RuleSetRef(String id, String version) {

    public static RuleSetRef of(RuleSet ruleSet) {
        return new RuleSetRef(ruleSet.id(), ruleSet.version());
    }
}
