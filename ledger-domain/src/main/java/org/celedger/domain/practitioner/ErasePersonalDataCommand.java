package org.celedger.domain.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases a practitioner's personal data (PIPL art. 47), for a reason and on a legal basis; {@code erasureId}
 * is the idempotency key. Only ADMIN sends it (API.md "Personal data").
 */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier String practitionerId, String erasureId,
                                       String reason, String legalBasis) {
}
