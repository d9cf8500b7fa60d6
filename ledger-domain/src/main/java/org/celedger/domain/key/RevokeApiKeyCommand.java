package org.celedger.domain.key;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.celedger.domain.Streams;

/** Revokes an API key for a reason: every node refuses it from then on. */
public record RevokeApiKeyCommand(String keyId, String reason) {

    @TargetAggregateIdentifier
    public String stream() {
        return Streams.ofKey(keyId);
    }
}
