package org.celedger.domain.practitioner;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A transfer effective on a date (RULES.md §2); FROM_GOVERNMENT_ORGAN (转任) has rule effects (§6). */
@Revision("1")
public record PractitionerTransferred(String practitionerId, String transferId, TransferKind kind, LocalDate effectiveDate, Jurisdiction toJurisdiction, String toRegion, Sector toSector) implements PractitionerEvent {
}
