package org.celedger.domain.rules.reliefs;

import org.celedger.domain.rules.Relief;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;

import java.util.Set;

/**
 * A relief whose condition holds for one evaluation (RULES.md §6), before the engine decides which
 * is decisive: its effect, the clause, a sentence for the trace, and the years it cuts from the window.
 */
public record AppliedRelief(ReliefKind kind, ReliefEffect effect, String citation, String detail, Set<Integer> cutYears) {

    public AppliedRelief(ReliefKind kind, ReliefEffect effect, String citation, String detail) {
        this(kind, effect, citation, detail, Set.of());
    }

    /** The relief as a decision lists it. */
    public Relief trace(boolean decisive) {
        return new Relief(kind, decisive, citation, detail, effect);
    }
}
