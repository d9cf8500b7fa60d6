package org.celedger.domain.base;

import org.celedger.domain.WriteOutcome;

/**
 * The answer to a {@link DrawInspectionSampleCommand}: ACCEPTED with the new sample, or DUPLICATE with the
 * sample the same request drew before.
 */
public record SampleDrawResult(WriteOutcome outcome, InspectionSampleDrawn sample) {
}
