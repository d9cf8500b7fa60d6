package org.celedger.domain.base;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * A random check's sample, with everything needed to draw it again (RULES.md §8): the seed, the algorithm
 * ({@link InspectionSampler#ALGORITHM}), and the population considered with its weights and signals, sorted by
 * {@code baseId/sessionId}. {@code selected} lists the drawn sessions in draw order.
 *
 * @param jurisdiction the jurisdiction the population was limited to, or null for all
 */
@Revision("1")
public record InspectionSampleDrawn(String sampleId, int year, int size, String seed, Jurisdiction jurisdiction,
                                    String algorithm, List<SampleCandidate> population,
                                    List<SampleCandidate> selected) {
}
