package org.celedger.domain.key;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An API key was replaced by {@code newKeyId} (issued in the same transaction); it stays valid until {@code oldKeyValidUntil}. */
@Revision("1")
public record ApiKeyRotated(String keyId, String newKeyId, Instant oldKeyValidUntil) {
}
