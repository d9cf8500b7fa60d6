package org.celedger.domain.practitioner;

import org.axonframework.serialization.Revision;

/** Make-up study (补学往年, IM-2025 一(二)): the award is to count in an earlier year where the rule set allows it. */
@Revision("1")
public record CreditReassigned(String practitionerId, String awardId, int fromYear, int targetYear, String reason) implements PractitionerEvent {
}
