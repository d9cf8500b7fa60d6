package org.celedger.domain.key;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;

/** Replaces an API key by {@code newKeyId}; the old key stays valid until {@code oldKeyValidUntil}. */
public record RotateApiKeyCommand(String keyId, String newKeyId, Instant oldKeyValidUntil) {

    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofKey(keyId);
    }
}
