package org.celedger.domain.rules;

/** The outcome of a decision (RULES.md §7). */
public enum Outcome {
    /** The hours meet the requirement. */
    MET(true),
    /** A relief removes the requirement. */
    WAIVED(true),
    /** Hours are only a reference factor; the decision's {@code referenceStatus} says whether they would be met. */
    NOT_LIMITING(true),
    /** A shortfall, given per year (or window) and category. */
    NOT_MET(false),
    /** The rule set states nothing for this purpose and level. */
    NO_RULE(false);

    private final boolean eligible;

    Outcome(boolean eligible) {
        this.eligible = eligible;
    }

    public boolean eligible() {
        return eligible;
    }
}
