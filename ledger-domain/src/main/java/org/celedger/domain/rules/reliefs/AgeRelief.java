package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;

/**
 * What the two age reliefs ({@link AgeFull}, {@link AgePartial}) read alike: a {@code mode} of their own
 * enum and the ages from which they apply ({@code menAge}, {@code womenAge}). The reliefs differ only in
 * their modes and in what they do once the age is reached, which stays in each class, so that a clause
 * of either is found in the class that applies it.
 *
 * @param <M> the relief's modes, whose {@code none} means the rule set has no such relief
 */
abstract class AgeRelief<M extends Enum<M>> implements ReliefRule {

    private final Cited<M> mode;
    private final AgeThreshold threshold;
    private final M none;

    /** Reads {@code reliefs.<key>}: {@code mode}, then the ages; no other key. */
    AgeRelief(RuleSetNode reliefs, String key, Class<M> modes, M none) {
        RuleSetNode node = reliefs.obj(key);
        this.mode = node.param("mode", enumOf(modes));
        this.threshold = new AgeThreshold(node);
        this.none = none;
        node.end();
    }

    public Cited<M> mode() {
        return mode;
    }

    public Cited<Integer> menAge() {
        return threshold.menAge();
    }

    public Cited<Integer> womenAge() {
        return threshold.womenAge();
    }

    /** Whether the rule set has this relief and the practitioner has reached its age at the as-of date (I-9). */
    final boolean appliesTo(ReliefContext c) {
        return mode.value() != none && threshold.reachedBy(c);
    }

    /** The ages reached, as the trace gives them. */
    final String ageReached(ReliefContext c) {
        return threshold.detail(c);
    }
}
