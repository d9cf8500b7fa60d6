package org.celedger.domain.rules;

import org.celedger.domain.rules.reliefs.AgeFull;
import org.celedger.domain.rules.reliefs.AgePartial;
import org.celedger.domain.rules.reliefs.BorderRegion;
import org.celedger.domain.rules.reliefs.CovidFrontline;
import org.celedger.domain.rules.reliefs.DegreeInWindow;
import org.celedger.domain.rules.reliefs.ExceptionalPromotionCut;
import org.celedger.domain.rules.reliefs.GovernmentTransferCut;
import org.celedger.domain.rules.reliefs.Grassroots;
import org.celedger.domain.rules.reliefs.MasterDegree;
import org.celedger.domain.rules.reliefs.NonPublicSector;
import org.celedger.domain.rules.reliefs.Postdoc;
import org.celedger.domain.rules.reliefs.ReliefRule;

import java.util.function.Function;

/**
 * The reliefs of RULES.md §6 in the table's order, the NX master's-degree rule of §5 (I-6), and
 * {@code REQUIREMENT_WAIVED} for a level whose requirement itself is waived (a doctor's recognition).
 *
 * <p>This is the one place a relief kind is registered: its constant names the class that reads it
 * from a rule set's {@code reliefs} section, and the constants' order is the order in which the
 * reliefs are read, assessed and listed in a decision's trace ({@code Reliefs}). Adding a relief is
 * its class and its constant here.
 */
public enum ReliefKind {
    /** Not a relief class: the requirement of the level says so itself (RULES.md §5). */
    REQUIREMENT_WAIVED(null),
    AGE_FULL(AgeFull::new),
    AGE_PARTIAL(AgePartial::new),
    NON_PUBLIC_SECTOR(NonPublicSector::new),
    GRASSROOTS(Grassroots::new),
    COVID_FRONTLINE(CovidFrontline::new),
    GOVERNMENT_TRANSFER(GovernmentTransferCut::new),
    POSTDOC(Postdoc::new),
    EXCEPTIONAL_PROMOTION(ExceptionalPromotionCut::new),
    DEGREE_IN_WINDOW(DegreeInWindow::new),
    MASTER_DEGREE(MasterDegree::new),
    /** Not in RULES.md §6: a dated relief no bundled rule set has ({@code BorderRegion}). */
    BORDER_REGION(BorderRegion::new);

    private final Function<RuleSetNode, ReliefRule> reader;

    ReliefKind(Function<RuleSetNode, ReliefRule> reader) {
        this.reader = reader;
    }

    /** Reads this relief from the {@code reliefs} section of a rule set; null for a kind without a class. */
    public ReliefRule read(RuleSetNode reliefs) {
        return reader == null ? null : reader.apply(reliefs);
    }
}
