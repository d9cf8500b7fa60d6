package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Jurisdiction;

/** No rule set serves the evaluation year in the jurisdiction (RULES.md §3): a clear error, never a guess. */
public class NoRuleSetException extends RuntimeException {

    private final Jurisdiction jurisdiction;
    private final int year;

    public NoRuleSetException(Jurisdiction jurisdiction, int year) {
        super("no rule set serves evaluation year " + year + " in jurisdiction " + jurisdiction
                + "; name one explicitly to evaluate under it");
        this.jurisdiction = jurisdiction;
        this.year = year;
    }

    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    public int year() {
        return year;
    }
}
