package org.celedger.domain.practitioner;

import org.axonframework.serialization.Revision;

/** A conversion fact withdrawn. */
@Revision("1")
public record ConversionRevoked(String practitionerId, String conversionId, String reason) implements PractitionerEvent {
}
