package org.celedger.domain.rules.reliefs;

import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.ReliefMode;

/**
 * Full age relief (RULES.md §6, I-9): men from 55 and women from 50 at the as-of date need no hours
 * (IM-2017 三(四), IM-2022 三(一): WAIVED) or have them as a reference only (IM-2025 一(五)1:
 * NOT_LIMITING). Keys {@code reliefs.ageFull.mode}, {@code menAge}, {@code womenAge}.
 */
public final class AgeFull extends AgeRelief<ReliefMode> {

    /** Reads {@code reliefs.ageFull}. */
    public AgeFull(RuleSetNode reliefs) {
        super(reliefs, "ageFull", ReliefMode.class, ReliefMode.NONE);
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (!appliesTo(c)) {
            return null;
        }
        return new AppliedRelief(ReliefKind.AGE_FULL, Reliefs.effectOf(mode().value()), mode().cite(), ageReached(c));
    }
}
