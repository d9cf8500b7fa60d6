package org.celedger.domain.base;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;

/**
 * Records that a roster row answered ACCEPTED could not become its credit: the practitioner refused the
 * award ({@code reason} says why). Sent by the roster-credits process, so that the row's status says so
 * at {@code GET …/roster} rather than only in a log line (API.md, "Supervisors and bases").
 */
public record RecordRosterCreditRefusalCommand(String baseId, String sessionId, String practitionerId,
                                               String reason) {

    /** The base's stream in the event store ({@link Streams}). */
    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofBase(baseId);
    }
}
