package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumOf;
import static org.celedger.domain.rules.ParamType.enumSet;

import org.celedger.domain.practitioner.ExemptionGranted;
import org.celedger.domain.practitioner.ExemptionKind;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ReliefMode;

import java.util.Set;

/**
 * The {@code POSTDOC} exemption (RULES.md §6): waived for the levels applied for that the rule set
 * names (IM-2025 一(五)3 "申报高级职称评审时": ASSOCIATE_SENIOR, SENIOR); for another level it is listed
 * without effect, saying which levels it serves. The first exemption in force counts. Keys
 * {@code reliefs.postdoc.mode}, {@code levels}.
 */
public final class Postdoc implements ReliefRule {

    private final Cited<ReliefMode> mode;
    private final Cited<Set<TitleLevel>> levels;

    /** Reads {@code reliefs.postdoc}. */
    public Postdoc(RuleSetNode reliefs) {
        RuleSetNode node = reliefs.obj("postdoc");
        this.mode = node.param("mode", enumOf(ReliefMode.class));
        this.levels = node.param("levels", enumSet(TitleLevel.class));
        node.end();
    }

    public Cited<ReliefMode> mode() {
        return mode;
    }

    public Cited<Set<TitleLevel>> levels() {
        return levels;
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (mode.value() == ReliefMode.NONE) {
            return null;
        }
        for (RecordedFact fact : c.facts().exemptionsInForce()) {
            ExemptionGranted x = (ExemptionGranted) fact.event();
            if (x.kind() == ExemptionKind.POSTDOC) {
                boolean level = c.query().purpose() == Purpose.TITLE_EVALUATION
                        && levels.value().contains(TitleLevel.valueOf(c.query().level()));
                return new AppliedRelief(ReliefKind.POSTDOC,
                        level ? Reliefs.effectOf(mode.value()) : ReliefEffect.NONE,
                        level ? mode.cite() : levels.cite(),
                        "exemption " + x.exemptionId() + " (sequence " + fact.sequence() + ")"
                                + (level ? "" : "; applies only to " + levels.value()));
            }
        }
        return null;
    }
}
