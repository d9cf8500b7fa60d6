package org.celedger.domain.base;

import java.util.Collection;
import java.util.List;

/**
 * A session a random check may draw, with its risk signals and the weight they give it
 * ({@link InspectionSampler#weightOf}).
 */
public record SampleCandidate(String baseId, String sessionId, int weight, List<RiskSignal> signals) {

    /** The candidate of a session with these signals, weighted by {@link InspectionSampler#weightOf}. */
    public static SampleCandidate of(String baseId, String sessionId, Collection<RiskSignal> signals) {
        List<RiskSignal> distinct = signals.stream().distinct().sorted().toList();
        return new SampleCandidate(baseId, sessionId, InspectionSampler.weightOf(distinct), distinct);
    }

    public SessionKey key() {
        return new SessionKey(baseId, sessionId);
    }
}
