package org.celedger.domain.practitioner;

import org.axonframework.serialization.Revision;

/** An award withdrawn, never deleted: by correction or because an inspection found its session falsified (RULES.md §8). */
@Revision("1")
public record CreditRevoked(String practitionerId, String awardId, String reason, RevocationCause cause, String causeReference) implements PractitionerEvent {
}
