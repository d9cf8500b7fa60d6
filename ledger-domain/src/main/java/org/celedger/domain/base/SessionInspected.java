package org.celedger.domain.base;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An inspection of a session and its verdict (RULES.md §8); {@code observedHours} has scale 1 when given. */
@Revision("1")
public record SessionInspected(String baseId, String sessionId, String inspectionId, String inspector,
                               LocalDate date, Integer observedHeadcount, BigDecimal observedHours, Verdict verdict,
                               String notes) implements BaseEvent {
}
