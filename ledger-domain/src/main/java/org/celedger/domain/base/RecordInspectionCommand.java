package org.celedger.domain.base;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;

/**
 * Records a supervisor's inspection (抽查 / 巡查) of a session
 * ({@code POST /api/v1/bases/{baseId}/sessions/{sessionId}/inspections}, {@code IM-2022 五(一)}).
 * {@code inspectionId} is the idempotency key. {@code observedHeadcount} and {@code observedHours} are
 * optional (an inspection of the records observes neither); {@code notes} are required when the verdict is
 * {@link Verdict#FALSIFIED}, since they become the reason of every revocation.
 */
public record RecordInspectionCommand(String baseId, String sessionId,
                                      String inspectionId, String inspector, LocalDate date,
                                      Integer observedHeadcount, BigDecimal observedHours, Verdict verdict,
                                      String notes) {

    /** The base's stream in the event store ({@link Streams}). */
    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofBase(baseId);
    }
}
