package org.celedger.domain.base;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;
import org.celedger.domain.practitioner.Category;

/**
 * Files the plan of a session (培训计划备案, {@code POST /api/v1/bases/{baseId}/sessions}) before it starts
 * ({@code IM-2022 四(二)1}, {@code IM-2025 一(六)1}). {@code sessionId} is the idempotency key.
 */
public record FileSessionPlanCommand(String baseId, String sessionId, String title,
                                     Category category, SessionMode mode, LocalDate startDate, LocalDate endDate,
                                     String location, Integer capacity) {

    /** The base's stream in the event store ({@link Streams}). */
    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofBase(baseId);
    }
}
