package org.celedger.domain.key;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.celedger.domain.FactChecks.*;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.Streams;

/**
 * The life of one API key as recorded facts: issued, rotated (replaced by a new key, the old one valid until a
 * date), revoked, each with the actor that did it in its metadata. It decides only what may follow what: a
 * revoked key is neither revoked again nor rotated, a key is rotated once (rotate its successor next). Whether a
 * key is valid at an instant (expiry, a rotation's date) is the edge's to judge at each request.
 *
 * <p>Keys made before their lives were recorded have no stream: revoking or rotating one starts it
 * ({@link AggregateCreationPolicy#CREATE_IF_MISSING}); the edge checks that the key exists first.
 */
public class KeyLifecycle {

    @AggregateIdentifier
    private String stream;
    private ApiKeyRevoked revoked;
    private ApiKeyRotated rotated;

    protected KeyLifecycle() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public KeyLifecycle(IssueApiKeyCommand command) {
        keyId(command.keyId());
        that(command.keyHash() != null && command.keyHash().matches("[0-9a-f]{64}"), "keyHash",
                "keyHash is a SHA-256 in hex");
        text("name", command.name());
        that(command.roles() != null && !command.roles().isEmpty(), "roles", "roles names at least one role");
        apply(new ApiKeyIssued(command.keyId(), command.keyHash(), command.name(), List.copyOf(command.roles()),
                list(command.baseIds()), list(command.jurisdictions()), list(command.regions()), command.expiresAt(),
                command.replaces()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RevokeApiKeyCommand command) {
        keyId(command.keyId());
        String reason = reason("reason", command.reason());
        if (revoked != null) {
            throw new StateConflictException("keyId", "key " + command.keyId() + " was already revoked: "
                    + revoked.reason());
        }
        apply(new ApiKeyRevoked(command.keyId(), reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RotateApiKeyCommand command) {
        keyId(command.keyId());
        keyId(command.newKeyId());
        present("oldKeyValidUntil", command.oldKeyValidUntil());
        if (revoked != null) {
            throw new StateConflictException("keyId", "key " + command.keyId() + " is revoked (" + revoked.reason()
                    + "); issue a new key instead");
        }
        if (rotated != null) {
            throw new StateConflictException("keyId", "key " + command.keyId() + " was already rotated to "
                    + rotated.newKeyId() + "; rotate that key instead");
        }
        apply(new ApiKeyRotated(command.keyId(), command.newKeyId(), command.oldKeyValidUntil()));
    }

    private static void keyId(String keyId) {
        if (keyId == null || !keyId.matches("key-[0-9a-f]{16}")) {
            throw new InvalidFactException("keyId", "a key id is key- and 16 hex digits");
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    @EventSourcingHandler
    void on(ApiKeyIssued event) {
        stream = Streams.ofKey(event.keyId());
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        stream = Streams.ofKey(event.keyId());
        revoked = event;
    }

    @EventSourcingHandler
    void on(ApiKeyRotated event) {
        stream = Streams.ofKey(event.keyId());
        rotated = event;
    }
}
