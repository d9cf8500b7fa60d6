package org.celedger.domain.rules.reliefs;

import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.AgePartialMode;

/**
 * Partial age relief (RULES.md §6, I-9, I-10), a requirement modifier: men from 50 and women from 45
 * at the as-of date need one third of the window total, participation not required (IM-2017 三(四)),
 * one third of the window's summed minimums per category (IM-2022 三(一)), or any one year of the
 * window meeting the yearly minimums (IM-2025 一(五)1). This says whether it applies; each mode
 * shapes the requirement in its own class of {@link org.celedger.domain.rules.requirements}
 * ({@code AgePartialThirdOfWindowTotal}, {@code AgePartialThirdOfMinimums}, {@code AgePartialAnyOneYear}). Keys {@code reliefs.agePartial.mode},
 * {@code menAge}, {@code womenAge}.
 */
public final class AgePartial extends AgeRelief<AgePartialMode> {

    /** Reads {@code reliefs.agePartial}. */
    public AgePartial(RuleSetNode reliefs) {
        super(reliefs, "agePartial", AgePartialMode.class, AgePartialMode.NONE);
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (!appliesTo(c)) {
            return null;
        }
        return new AppliedRelief(ReliefKind.AGE_PARTIAL, ReliefEffect.REQUIREMENT_MODIFIER, mode().cite(),
                ageReached(c) + "; " + describe(mode().value()));
    }

    private static String describe(AgePartialMode mode) {
        return switch (mode) {
            case ONE_THIRD_OF_WINDOW_TOTAL -> "one third of the window total, participation not required";
            case ONE_THIRD_OF_MINIMUMS -> "one third of the window's summed minimums per category";
            case ANY_ONE_YEAR -> "any one year of the window meeting the yearly minimums suffices";
            case NONE -> "";
        };
    }
}
