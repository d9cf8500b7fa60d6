package org.celedger.domain.base;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * Draws a random check's sample of a year's sessions ({@code POST /api/v1/inspection-samples}), optionally of
 * one jurisdiction, from the {@code population} the caller gathered: every session of the year with its risk
 * signals ({@link SampleCandidate#of}). The {@code sampleId} is derived from the request
 * ({@link InspectionSample#sampleId}), so the same request is a retry; build the command with {@link #of}.
 */
public record DrawInspectionSampleCommand(String sampleId, Integer year, Integer size,
                                          String seed, Jurisdiction jurisdiction, List<SampleCandidate> population) {

    /** The command for this request, its sample id derived from it. */
    public static DrawInspectionSampleCommand of(int year, int size, String seed, Jurisdiction jurisdiction,
                                                 List<SampleCandidate> population) {
        return new DrawInspectionSampleCommand(InspectionSample.sampleId(year, jurisdiction, size, seed), year, size,
                seed, jurisdiction, population);
    }

    /** The sample's stream in the event store ({@link Streams}). */
    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofSample(sampleId);
    }
}
