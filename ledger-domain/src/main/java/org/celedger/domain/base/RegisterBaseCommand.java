package org.celedger.domain.base;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * Registers an accredited base ({@code POST /api/v1/bases}); the same registration again is a
 * DUPLICATE, another under the same {@code baseId} a conflict.
 */
public record RegisterBaseCommand(String baseId, String name, BaseLevel level,
                                  Jurisdiction jurisdiction, String region) {

    /** The base's stream in the event store ({@link Streams}). */
    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofBase(baseId);
    }
}
