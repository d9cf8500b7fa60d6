package org.celedger.domain.key;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * Issues an API key: its id and the hash of its secret (never the secret), what it may do, until when, and the
 * key it replaces when it is a rotation's new key. Roles are the application's names (API.md "Access").
 */
public record IssueApiKeyCommand(String keyId, String keyHash, String name, List<String> roles, List<String> baseIds,
                                 List<Jurisdiction> jurisdictions, List<String> regions, Instant expiresAt,
                                 String replaces) {

    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofKey(keyId);
    }
}
