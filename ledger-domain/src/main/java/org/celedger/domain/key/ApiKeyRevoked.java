package org.celedger.domain.key;

import org.axonframework.serialization.Revision;

/** An API key was revoked; the recording instant is the event's timestamp. */
@Revision("1")
public record ApiKeyRevoked(String keyId, String reason) {
}
