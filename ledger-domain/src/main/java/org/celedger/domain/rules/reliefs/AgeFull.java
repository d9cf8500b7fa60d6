package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ReliefMode;

/**
 * Full age relief (RULES.md §6, I-9): men from 55 and women from 50 at the as-of date need no hours
 * (IM-2017 三(四), IM-2022 三(一): WAIVED) or have them as a reference only (IM-2025 一(五)1:
 * NOT_LIMITING). Keys {@code reliefs.ageFull.mode}, {@code menAge}, {@code womenAge}.
 */
public final class AgeFull implements ReliefRule {

    private final Cited<ReliefMode> mode;
    private final AgeThreshold threshold;

    /** Reads {@code reliefs.ageFull}. */
    public AgeFull(RuleSetNode reliefs) {
        RuleSetNode node = reliefs.obj("ageFull");
        this.mode = node.param("mode", enumOf(ReliefMode.class));
        this.threshold = new AgeThreshold(node);
        node.end();
    }

    public Cited<ReliefMode> mode() {
        return mode;
    }

    public Cited<Integer> menAge() {
        return threshold.menAge();
    }

    public Cited<Integer> womenAge() {
        return threshold.womenAge();
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (mode.value() == ReliefMode.NONE || !threshold.reachedBy(c)) {
            return null;
        }
        return new AppliedRelief(ReliefKind.AGE_FULL, Reliefs.effectOf(mode.value()), mode.cite(), threshold.detail(c));
    }
}
