package org.celedger.domain.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a conversion fact. */
public record RevokeConversionCommand(@TargetAggregateIdentifier String practitionerId, String conversionId, String reason) {
}
