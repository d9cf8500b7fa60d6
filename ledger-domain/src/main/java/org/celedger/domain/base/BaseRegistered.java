package org.celedger.domain.base;

import org.axonframework.serialization.Revision;
import org.celedger.domain.practitioner.Jurisdiction;

/** A base (继续教育基地) accredited at a level in a jurisdiction and region (RULES.md §1). */
@Revision("1")
public record BaseRegistered(String baseId, String name, BaseLevel level, Jurisdiction jurisdiction, String region)
        implements BaseEvent {
}
