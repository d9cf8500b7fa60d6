package org.celedger.domain.practitioner;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grants an exemption; {@code exemptionId} is the idempotency key. */
public record GrantExemptionCommand(@TargetAggregateIdentifier String practitionerId, String exemptionId, ExemptionKind kind, List<Integer> years, String evidence, String grantedBy) {
}
