package org.celedger.domain.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves an award to an earlier year as make-up study (补学往年). */
public record ReassignCreditCommand(@TargetAggregateIdentifier String practitionerId, String awardId, Integer targetYear, String reason) {
}
