package org.celedger.domain.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes an exemption. */
public record RevokeExemptionCommand(@TargetAggregateIdentifier String practitionerId, String exemptionId, String reason) {
}
