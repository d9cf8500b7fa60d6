package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ExceptionalMode;

import java.time.LocalDate;

/**
 * Exceptional promotion (破格, a flag of the application; RULES.md §6): the window keeps only the years
 * after the year the current title was obtained (IM-2025 一(五)6). Without a date for the current title
 * it is listed without effect. Key {@code reliefs.exceptionalPromotion}.
 */
public final class ExceptionalPromotionCut implements ReliefRule {

    private final Cited<ExceptionalMode> mode;

    /** Reads {@code reliefs.exceptionalPromotion}. */
    public ExceptionalPromotionCut(RuleSetNode reliefs) {
        this.mode = reliefs.param("exceptionalPromotion", enumOf(ExceptionalMode.class));
    }

    public Cited<ExceptionalMode> mode() {
        return mode;
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (!c.query().exceptional() || mode.value() == ExceptionalMode.NONE) {
            return null;
        }
        LocalDate obtained = c.profile().titleObtainedOn();
        if (obtained == null) {
            return new AppliedRelief(ReliefKind.EXCEPTIONAL_PROMOTION, ReliefEffect.NONE, mode.cite(),
                    "exceptional application, but the profile has no date for the current title");
        }
        int obtainedYear = obtained.getYear();
        return WindowCut.of(ReliefKind.EXCEPTIONAL_PROMOTION, mode.cite(), c.baseWindow(), y -> y <= obtainedYear,
                "exceptional application; current title obtained " + obtained + ", only years after " + obtainedYear + " count");
    }
}
