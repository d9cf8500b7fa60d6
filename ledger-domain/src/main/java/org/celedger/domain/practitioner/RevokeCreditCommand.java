package org.celedger.domain.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes an award; the cause is a correction unless an inspection found its session falsified. */
public record RevokeCreditCommand(@TargetAggregateIdentifier String practitionerId, String awardId, String reason, RevocationCause cause, String causeReference) {
}
