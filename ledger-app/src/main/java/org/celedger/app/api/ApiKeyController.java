package org.celedger.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.ApiKeyStore;
import org.celedger.app.security.ApiKeyStore.StoredKey;
import org.celedger.app.security.Role;
import org.celedger.app.web.ApiException;
import org.celedger.app.web.Problems;
import org.celedger.app.web.StrictJson;
import org.celedger.app.write.LedgerWriter;
import org.celedger.domain.key.IssueApiKeyCommand;
import org.celedger.domain.key.RevokeApiKeyCommand;
import org.celedger.domain.key.RotateApiKeyCommand;
import org.celedger.domain.practitioner.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API keys (ADMIN): made, listed, revoked and rotated. Making, revoking and rotating a key are recorded facts
 * on the key's stream ({@code KeyLifecycle}), each with the actor that did it, like every other fact; the table
 * that requests are checked against is written in the same transaction ({@code ApiKeyTable}). A key's secret is
 * answered once, when it is made; only its hash is kept, and no answer shows a hash.
 */
@RestController
@Tag(name = "access")
public class ApiKeyController {

    private final ApiKeyStore keys;
    private final LedgerWriter writer;
    private final TransactionManager transactions;

    public ApiKeyController(ApiKeyStore keys, LedgerWriter writer, TransactionManager transactions) {
        this.keys = keys;
        this.writer = writer;
        this.transactions = transactions;
    }

    /** A null among the roles, bases, jurisdictions or regions is refused (422 naming it), not stored as "null". */
    public record NewKey(String name, @JsonSetter(contentNulls = Nulls.FAIL) Set<Role> roles,
                         @JsonSetter(contentNulls = Nulls.FAIL) Set<String> baseIds,
                         @JsonSetter(contentNulls = Nulls.FAIL) Set<Jurisdiction> jurisdictions,
                         @JsonSetter(contentNulls = Nulls.FAIL) Set<String> regions,
                         @JsonDeserialize(using = StrictJson.TextOnlyInstant.class) Instant expiresAt) {
    }

    public record KeyRevocation(String reason) {
    }

    public record KeyRotation(@JsonDeserialize(using = StrictJson.TextOnlyInstant.class) Instant oldKeyValidUntil,
                              @JsonDeserialize(using = StrictJson.TextOnlyInstant.class) Instant expiresAt) {
    }

    /** Characters of a key's bases (or regions) together, commas included: the width of their column. */
    static final int MAX_BASE_IDS_LENGTH = 4000;

    /** The answer that carries a key's secret, the only one. {@code replaces}: the key a rotation replaced. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssuedKey(String key, String keyId, String name, Set<Role> roles, Set<String> baseIds,
                            Set<Jurisdiction> jurisdictions, Set<String> regions, Instant expiresAt, String replaces,
                            Instant oldKeyValidUntil) {
    }

    /**
     * A key as listed: never its secret or hash. {@code status} ACTIVE, EXPIRED (past {@code expiresAt} or its
     * rotation's {@code replacedValidUntil}) or REVOKED; {@code environment}: the LEDGER_ADMIN_KEY key, held by
     * each node's environment and not revocable here.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(String keyId, String name, Set<Role> roles, Set<String> baseIds,
                          Set<Jurisdiction> jurisdictions, Set<String> regions, Instant createdAt, Instant expiresAt,
                          String status, Instant revokedAt, String revocationReason, String replacedBy,
                          Instant replacedValidUntil, Boolean environment) {

        static KeyView of(StoredKey s, Instant now) {
            ApiKey k = s.key();
            return new KeyView(k.id(), k.name(), k.roles(), new TreeSet<>(k.baseIds()), k.jurisdictions(),
                    new TreeSet<>(k.regions()), s.createdAt(), s.expiresAt(), s.status(now), s.revokedAt(),
                    s.revocationReason(), s.replacedBy(), s.replacedValidUntil(), null);
        }
    }

    public record KeyList(List<KeyView> keys) {
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make an API key (ApiKeyIssued); the key is shown in this answer only")
    public IssuedKey create(@AuthenticationPrincipal ApiKey caller, @RequestBody NewKey request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw invalid("name", "name is required (at most 200 characters)");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw invalid("roles", "roles names at least one of " + java.util.Arrays.toString(Role.values()));
        }
        Set<String> baseIds = names("baseIds", request.baseIds());
        Set<String> regions = names("regions", request.regions());
        Set<Jurisdiction> jurisdictions = request.jurisdictions() == null ? Set.of() : request.jurisdictions();
        boolean registrar = request.roles().contains(Role.REGISTRAR);
        if (registrar && request.roles().contains(Role.ADMIN)) {
            throw invalid("roles", "an ADMIN key is not limited; give REGISTRAR to a key of its own");
        }
        if (registrar && jurisdictions.isEmpty() && regions.isEmpty()) {
            throw invalid("jurisdictions", "a REGISTRAR key names the jurisdictions (IM, NX) or the regions of the "
                    + "practitioners it acts on");
        }
        if (!registrar && !jurisdictions.isEmpty()) {
            throw invalid("jurisdictions", "jurisdictions limit a REGISTRAR key; this key has no such role");
        }
        if (!registrar && !regions.isEmpty()) {
            throw invalid("regions", "regions limit a REGISTRAR key; this key has no such role");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(keys.now())) {
            throw invalid("expiresAt", "expiresAt " + request.expiresAt() + " has passed");
        }
        return issue(caller, request.name(), request.roles(), baseIds, jurisdictions, regions, request.expiresAt(),
                null, null);
    }

    @GetMapping("/api/v1/api-keys")
    @Operation(summary = "Every API key, without secrets or hashes, with its status")
    public KeyList list() {
        Instant now = keys.now();
        List<KeyView> views = new ArrayList<>();
        keys.environmentKey().ifPresent(k -> views.add(new KeyView(k.id(), k.name(), k.roles(), k.baseIds(),
                k.jurisdictions(), k.regions(), null, null, "ACTIVE", null, null, null, null, true)));
        keys.list().forEach(s -> views.add(KeyView.of(s, now)));
        return new KeyList(views);
    }

    @PostMapping("/api/v1/api-keys/{keyId}/revocations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Revoke an API key (ApiKeyRevoked): refused by every node from its next request")
    public KeyView revoke(@AuthenticationPrincipal ApiKey caller, @PathVariable String keyId,
                          @RequestBody KeyRevocation request) {
        stored(keyId);
        writer.send(caller, new RevokeApiKeyCommand(keyId, request.reason()));
        return KeyView.of(stored(keyId), keys.now());
    }

    @PostMapping("/api/v1/api-keys/{keyId}/rotations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Replace an API key by a new one (ApiKeyRotated, ApiKeyIssued); the old key stays valid "
            + "until oldKeyValidUntil; the new key is shown in this answer only")
    public IssuedKey rotate(@AuthenticationPrincipal ApiKey caller, @PathVariable String keyId,
                            @RequestBody KeyRotation request) {
        ApiKey old = stored(keyId).key();
        if (request.oldKeyValidUntil() == null) {
            throw invalid("oldKeyValidUntil", "oldKeyValidUntil is required: until when the old key stays valid "
                    + "(an instant already past ends it at once)");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(keys.now())) {
            throw invalid("expiresAt", "expiresAt " + request.expiresAt() + " has passed");
        }
        return issue(caller, old.name(), old.roles(), old.baseIds(), old.jurisdictions(), old.regions(),
                request.expiresAt(), keyId, request.oldKeyValidUntil());
    }

    /**
     * Records a new key, and for a rotation the old key's replacement, in one transaction: both facts and both rows,
     * or nothing (a rotation of a revoked key is refused and issues nothing).
     */
    private IssuedKey issue(ApiKey caller, String name, Set<Role> roles, Set<String> baseIds,
                            Set<Jurisdiction> jurisdictions, Set<String> regions, Instant expiresAt, String replaces,
                            Instant oldKeyValidUntil) {
        String secret = ApiKeyStore.newSecret();
        String hash = ApiKeyStore.hash(secret);
        String keyId = ApiKey.idOf(hash);
        var command = new IssueApiKeyCommand(keyId, hash, name, roles.stream().map(Enum::name).sorted().toList(),
                List.copyOf(new TreeSet<>(baseIds)), jurisdictions.stream().sorted().toList(),
                List.copyOf(new TreeSet<>(regions)), expiresAt, replaces);
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        root.attachTransaction(transactions);
        try {
            if (replaces != null) {
                writer.send(caller, new RotateApiKeyCommand(replaces, keyId, oldKeyValidUntil));
            }
            writer.send(caller, command);
            root.commit();
        } catch (RuntimeException e) {
            if (root.isActive()) {
                root.rollback(e);
            }
            throw e;
        }
        return new IssuedKey(secret, keyId, name, roles, baseIds, jurisdictions, regions, expiresAt, replaces,
                oldKeyValidUntil);
    }

    /**
     * The stored key {@code keyId}: 404 if none. The LEDGER_ADMIN_KEY key is refused (409): it is not stored but read
     * by each node from its own environment at start, so no recorded fact could take it from every node; it is the
     * way back in should every stored ADMIN key be revoked. Change the variable on each node to replace it.
     */
    private StoredKey stored(String keyId) {
        if (keys.environmentKey().map(k -> k.id().equals(keyId)).orElse(false)) {
            throw new ApiException(HttpStatus.CONFLICT, "Key of the environment", "keyId",
                    "Key " + keyId + " is LEDGER_ADMIN_KEY, given to each node by its environment: change the variable "
                            + "on every node and restart them to replace it.");
        }
        return keys.byId(keyId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Unknown key", "keyId",
                "No API key " + Problems.excerpt(keyId) + " exists (a key id is key- and 16 hex digits, as listed by "
                        + "GET /api/v1/api-keys)."));
    }

    private static Set<String> names(String field, Set<String> given) {
        Set<String> names = given == null ? Set.of() : given;
        if (names.stream().anyMatch(b -> b.isBlank() || b.contains(","))) {
            throw invalid(field, field + " are non-blank names without commas");
        }
        int length = names.stream().mapToInt(String::length).sum() + Math.max(0, names.size() - 1);
        if (length > MAX_BASE_IDS_LENGTH) {
            throw invalid(field, field + " hold at most " + MAX_BASE_IDS_LENGTH + " characters together (commas "
                    + "between them included), not " + length
                    + ("baseIds".equals(field) ? "; a key for that many bases is better without baseIds" : ""));
        }
        return names;
    }

    private static ApiException invalid(String field, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid key request", field, detail);
    }
}
