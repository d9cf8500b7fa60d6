package org.celedger.domain.base;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;

/**
 * Asks the base whether it has the session a credit names, recording nothing: a training base's key
 * awards credits only for its own bases' own sessions (API.md, "Access"), so a credit naming a session
 * of another base, or none, is refused before it is recorded.
 */
public record ConfirmSessionCommand(String baseId, String sessionId) {

    /** The base's stream in the event store ({@link Streams}). */
    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofBase(baseId);
    }
}
