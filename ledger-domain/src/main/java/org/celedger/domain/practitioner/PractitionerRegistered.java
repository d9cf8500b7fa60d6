package org.celedger.domain.practitioner;

import org.axonframework.serialization.Revision;

/** Registration of a practitioner with the profile of RULES.md §2. */
@Revision("1")
public record PractitionerRegistered(String practitionerId, PractitionerProfile profile) implements PractitionerEvent {
}
