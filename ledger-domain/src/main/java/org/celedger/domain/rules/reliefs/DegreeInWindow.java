package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.practitioner.DegreeCompleted;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ReliefMode;

/**
 * A degree enrolled and graduated inside the window (RULES.md §6): the whole window waived
 * (NX-2022 一(三)1 "在审验期内入学并毕业的，视同完成审验期继续教育任务"). Judged against the unmodified
 * window: enrolment year ≥ its first year, graduation year ≤ its last, graduated by the as-of date
 * (rule-sets README 12). The first such degree in force counts. Key {@code reliefs.degreeInWindow}.
 */
public final class DegreeInWindow implements ReliefRule {

    private final Cited<ReliefMode> mode;

    /** Reads {@code reliefs.degreeInWindow}. */
    public DegreeInWindow(RuleSetNode reliefs) {
        this.mode = reliefs.param("degreeInWindow", enumOf(ReliefMode.class));
    }

    public Cited<ReliefMode> mode() {
        return mode;
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (mode.value() == ReliefMode.NONE) {
            return null;
        }
        int first = c.baseWindow()[0];
        int last = c.baseWindow()[c.baseWindow().length - 1];
        for (RecordedFact fact : c.facts().conversionsInForce()) {
            if (fact.event() instanceof DegreeCompleted d
                    && d.enrolledOn() != null && d.graduatedOn() != null && !d.graduatedOn().isAfter(c.asOf())
                    && d.enrolledOn().getYear() >= first && d.graduatedOn().getYear() <= last) {
                return new AppliedRelief(ReliefKind.DEGREE_IN_WINDOW, Reliefs.effectOf(mode.value()), mode.cite(),
                        "degree " + d.conversionId() + " (sequence " + fact.sequence() + ") enrolled " + d.enrolledOn()
                                + " and graduated " + d.graduatedOn() + ", inside " + first + "–" + last);
            }
        }
        return null;
    }
}
