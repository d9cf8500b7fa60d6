package org.celedger.domain.practitioner;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Awards hours or minutes (exactly one of them) in a credit year; {@code awardId} is the idempotency key. */
public record AwardCreditCommand(@TargetAggregateIdentifier String practitionerId, String awardId, Integer year, Category category, Activity activity, BigDecimal hours, Integer minutes, String baseId, String sessionId, String approvedBy, String certificateNo, LocalDate completedOn) {
}
