package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.INT;
import static org.celedger.domain.rules.ParamType.enumOf;
import static org.celedger.domain.rules.ParamType.nullable;

import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ReliefMode;

/**
 * The keys and effect shared by the reliefs derived from the profile (non-public sector, grassroots
 * post): {@code mode}, and {@code lastEvaluationYear} where the document names its year (IM-2025
 * 一(五)2: "在参加2025年度职称评审时"); null means no limit.
 */
final class ProfileCondition {

    private final Cited<ReliefMode> mode;
    private final Cited<Integer> lastEvaluationYear;

    ProfileCondition(RuleSetNode node) {
        this.mode = node.param("mode", enumOf(ReliefMode.class));
        this.lastEvaluationYear = node.param("lastEvaluationYear", nullable(INT));
        node.end();
    }

    Cited<ReliefMode> mode() {
        return mode;
    }

    Cited<Integer> lastEvaluationYear() {
        return lastEvaluationYear;
    }

    /** The relief of a profile whose condition holds ({@code why}), or null when the rule set has none. */
    AppliedRelief apply(ReliefKind kind, ReliefContext c, String why) {
        if (mode.value() == ReliefMode.NONE) {
            return null;
        }
        Integer last = lastEvaluationYear.value();
        if (last != null && c.year() > last) {
            return new AppliedRelief(kind, ReliefEffect.NONE, lastEvaluationYear.cite(),
                    why + "; the relief is for evaluation years up to " + last);
        }
        return new AppliedRelief(kind, Reliefs.effectOf(mode.value()), mode.cite(), why);
    }
}
