package org.celedger.domain.base;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;

/**
 * A supervisor's decision on a base: warn, suspend, withdraw, or reinstate ({@code status = ACTIVE}),
 * always with a reason ({@code IM-MEASURES-2017 第三十二条}, {@code NX-2022 三}). {@code changeId} is the
 * idempotency key.
 */
public record ChangeBaseStatusCommand(String baseId, String changeId, BaseStatus status,
                                      String reason) {

    /** The base's stream in the event store ({@link Streams}). */
    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofBase(baseId);
    }
}
