package org.celedger.domain.key;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * An API key was issued (by the actor in the event's metadata). {@code keyHash}: the SHA-256 of the secret, which
 * cannot be reversed (the secret is 256 random bits); {@code replaces}: the key a rotation replaced, or null.
 */
@Revision("1")
public record ApiKeyIssued(String keyId, String keyHash, String name, List<String> roles, List<String> baseIds,
                           List<Jurisdiction> jurisdictions, List<String> regions, Instant expiresAt,
                           String replaces) {
}
