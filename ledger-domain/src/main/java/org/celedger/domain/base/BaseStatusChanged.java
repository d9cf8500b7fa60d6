package org.celedger.domain.base;

import org.axonframework.serialization.Revision;

/** The base's status went {@code from} → {@code to} for {@code reason} (RULES.md §8, sanctions). */
@Revision("1")
public record BaseStatusChanged(String baseId, String changeId, BaseStatus from, BaseStatus to, String reason)
        implements BaseEvent {
}
