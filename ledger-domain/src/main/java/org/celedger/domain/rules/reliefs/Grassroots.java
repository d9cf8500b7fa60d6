package org.celedger.domain.rules.reliefs;

import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;

/**
 * Grassroots post (苏木乡镇等基层一线, RULES.md §6): for a practitioner on such a post at the as-of
 * date the hours are a reference factor only (IM-2022 三(三): NOT_LIMITING), in IM-2025 for
 * evaluation year 2025 only (IM-2025 一(五)2 "在参加2025年度职称评审时"). Keys
 * {@code reliefs.grassroots.mode}, {@code lastEvaluationYear}.
 */
public final class Grassroots extends ProfileRelief {

    /** Reads {@code reliefs.grassroots}. */
    public Grassroots(RuleSetNode reliefs) {
        super(reliefs, "grassroots");
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (!Boolean.TRUE.equals(c.profile().grassroots())) {
            return null;
        }
        return condition.apply(ReliefKind.GRASSROOTS, c, "grassroots post (苏木乡镇等基层一线) at " + c.asOf());
    }
}
