package org.celedger.domain.practitioner;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a transfer effective on a date; {@code transferId} is the idempotency key. */
public record TransferPractitionerCommand(@TargetAggregateIdentifier String practitionerId, String transferId, TransferKind kind, LocalDate effectiveDate, Jurisdiction toJurisdiction, String toRegion, Sector toSector) {
}
