package org.celedger.domain.base;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;

/**
 * Reports the roster of a session ({@code POST /api/v1/bases/{baseId}/sessions/{sessionId}/roster}), whole
 * or in parts. Judged row by row: the answer is a {@link RosterResult}; only problems of the whole command
 * (no entries, a withdrawn base, a falsified or unfinished session) are refused with an exception.
 */
public record SubmitRosterCommand(String baseId, String sessionId,
                                  List<RosterEntry> entries) {

    /** The base's stream in the event store ({@link Streams}). */
    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofBase(baseId);
    }
}
