package org.celedger.domain.practitioner;

import org.axonframework.serialization.Revision;

/** An exemption withdrawn. */
@Revision("1")
public record ExemptionRevoked(String practitionerId, String exemptionId, String reason) implements PractitionerEvent {
}
