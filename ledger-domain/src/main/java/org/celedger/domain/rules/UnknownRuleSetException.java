package org.celedger.domain.rules;

/** A rule set was named by an id no loaded rule set has. */
public class UnknownRuleSetException extends RuntimeException {

    private final String ruleSetId;

    public UnknownRuleSetException(String ruleSetId) {
        super("no rule set with id '" + ruleSetId + "'");
        this.ruleSetId = ruleSetId;
    }

    public String ruleSetId() {
        return ruleSetId;
    }
}
