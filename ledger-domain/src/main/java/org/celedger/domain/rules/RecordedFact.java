package org.celedger.domain.rules;

import org.celedger.domain.practitioner.PractitionerEvent;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a practitioner's stream as the rule engine sees it: the event, its aggregate
 * sequence number (0-based) and the instant it was recorded. The engine is given these ordered
 * by sequence; passing only the facts recorded up to an instant reproduces what was known then.
 */
public record RecordedFact(long sequence, Instant recordedAt, PractitionerEvent event) {
    public RecordedFact {
        Objects.requireNonNull(event, "event");
    }
}
