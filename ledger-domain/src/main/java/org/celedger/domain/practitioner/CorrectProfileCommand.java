package org.celedger.domain.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects profile fields, for a reason; {@code correctionId} is the idempotency key. */
public record CorrectProfileCommand(@TargetAggregateIdentifier String practitionerId, String correctionId, ProfileChanges changes, String reason) {
}
