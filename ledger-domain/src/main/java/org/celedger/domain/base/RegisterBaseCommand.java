package org.celedger.domain.base;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * Registers an accredited base ({@code POST /api/v1/bases}); the same registration again is a
 * DUPLICATE, another under the same {@code baseId} a conflict.
 */
public record RegisterBaseCommand(@TargetAggregateIdentifier String baseId, String name, BaseLevel level,
                                  Jurisdiction jurisdiction, String region) {
}
