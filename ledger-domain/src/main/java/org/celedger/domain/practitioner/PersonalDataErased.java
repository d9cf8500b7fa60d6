package org.celedger.domain.practitioner;

import org.axonframework.serialization.Revision;

/**
 * The practitioner's personal data was erased by destroying the key it is encrypted with (crypto-shredding):
 * from this fact on, name, resident ID number and birth date read as null in every fact, view and export,
 * while hours, decisions and certifications stay computable from the rest, age from the retained birth
 * month (RULES.md §6.1). The fact itself holds no personal data.
 */
@Revision("1")
public record PersonalDataErased(String practitionerId, String erasureId, String reason, String legalBasis)
        implements PractitionerEvent {
}
