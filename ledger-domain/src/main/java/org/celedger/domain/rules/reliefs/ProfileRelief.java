package org.celedger.domain.rules.reliefs;

import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ReliefMode;

/**
 * A relief derived from the profile ({@link Grassroots}, {@link NonPublicSector}): both read the same
 * keys ({@link ProfileCondition}) under their own key and differ only in the profile's condition and its
 * trace text, which stay in each class with the clauses that state them.
 */
abstract class ProfileRelief implements ReliefRule {

    /** The relief's keys and effect once its condition holds. */
    final ProfileCondition condition;

    /** Reads {@code reliefs.<key>}. */
    ProfileRelief(RuleSetNode reliefs, String key) {
        this.condition = new ProfileCondition(reliefs.obj(key));
    }

    public Cited<ReliefMode> mode() {
        return condition.mode();
    }

    public Cited<Integer> lastEvaluationYear() {
        return condition.lastEvaluationYear();
    }
}
