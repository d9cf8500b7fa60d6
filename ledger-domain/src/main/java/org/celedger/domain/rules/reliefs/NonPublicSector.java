package org.celedger.domain.rules.reliefs;

import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;

/**
 * Non-public sector (RULES.md §6): for a practitioner in the {@code NON_PUBLIC} sector at the as-of
 * date the hours are a reference factor only (IM-2022 三(二): NOT_LIMITING), in IM-2025 for
 * evaluation year 2025 only (IM-2025 一(五)2 "在参加2025年度职称评审时"). Keys
 * {@code reliefs.nonPublicSector.mode}, {@code lastEvaluationYear}.
 */
public final class NonPublicSector extends ProfileRelief {

    /** Reads {@code reliefs.nonPublicSector}. */
    public NonPublicSector(RuleSetNode reliefs) {
        super(reliefs, "nonPublicSector");
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (c.profile().sector() != Sector.NON_PUBLIC) {
            return null;
        }
        return condition.apply(ReliefKind.NON_PUBLIC_SECTOR, c, "sector NON_PUBLIC at " + c.asOf());
    }
}
