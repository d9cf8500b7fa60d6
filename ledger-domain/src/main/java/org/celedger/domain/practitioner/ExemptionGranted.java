package org.celedger.domain.practitioner;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An exemption granted by an authority (RULES.md §6): COVID_FRONTLINE names its years, POSTDOC may. */
@Revision("1")
public record ExemptionGranted(String practitionerId, String exemptionId, ExemptionKind kind, List<Integer> years, String evidence, String grantedBy) implements PractitionerEvent {
}
