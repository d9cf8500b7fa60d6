package org.celedger.domain.practitioner;

import org.axonframework.serialization.Revision;

/** A correction of profile fields, with the values it replaced so that a replay shows what changed. */
@Revision("1")
public record PractitionerProfileCorrected(String practitionerId, String correctionId, ProfileChanges changes, ProfileChanges previous, String reason) implements PractitionerEvent {

    /** This correction as read after the practitioner's personal data was erased. */
    public PractitionerProfileCorrected withoutPersonalData() {
        return new PractitionerProfileCorrected(practitionerId, correctionId, changes.withoutPersonalData(),
                previous == null ? null : previous.withoutPersonalData(), reason);
    }
}
