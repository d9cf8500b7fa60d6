package org.celedger.domain.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a practitioner; answers DUPLICATE when the same registration is sent again. */
public record RegisterPractitionerCommand(@TargetAggregateIdentifier String practitionerId, PractitionerProfile profile) {
}
