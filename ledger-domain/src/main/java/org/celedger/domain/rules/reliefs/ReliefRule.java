package org.celedger.domain.rules.reliefs;

/**
 * One relief kind of RULES.md §6, as one rule set states it: it reads its own keys under
 * {@code reliefs} (its constructor, given the {@code reliefs} section), judges its condition and
 * writes its trace sentence. A kind is registered by its constant in
 * {@link org.celedger.domain.rules.ReliefKind}, which names its constructor.
 */
public interface ReliefRule {

    /**
     * The relief for this evaluation, or null when the rule set has no such relief or its condition
     * does not hold. A relief whose condition holds but that changes nothing here is returned with
     * effect {@code NONE}, so the trace says why.
     */
    AppliedRelief assess(ReliefContext c);
}
