package org.celedger.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.celedger.domain.practitioner.Jurisdiction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * API keys, kept hashed in the event-store database: the only durable store of the embedded default, so keys
 * survive a restart like the facts do, and every node of a shared store reads the same table. A key is shown
 * once, when it is made. The table is written only by {@link ApiKeyTable}, from the key's recorded facts, in the
 * transaction that records them; it is read at every request, never cached, so a revocation committed on one node
 * is refused by every node at its next request.
 */
@Component
public class ApiKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The name the environment's key is shown with; it is not in the table. */
    public static final String ENVIRONMENT_KEY_NAME = "LEDGER_ADMIN_KEY";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** The key given by LEDGER_ADMIN_KEY, held in memory only: it exists while the variable is set. */
    private final Optional<ApiKey> environmentAdmin;

    /** Characters of LEDGER_ADMIN_KEY at least: a short admin key is guessed, and it opens everything. */
    public static final int MIN_ADMIN_KEY_LENGTH = 16;

    public ApiKeyStore(JdbcTemplate jdbc, @Value("${LEDGER_ADMIN_KEY:}") String adminKey) {
        checkAdminKey(adminKey);
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        // One connection for the table and its later columns (an in-memory H2 lives only as long as its connection).
        jdbc.execute((java.sql.Connection c) -> {
            try (java.sql.Statement sql = c.createStatement()) {
                sql.execute("CREATE TABLE IF NOT EXISTS api_key ("
                        + " key_hash VARCHAR(64) PRIMARY KEY,"
                        + " name VARCHAR(200) NOT NULL,"
                        + " roles VARCHAR(200) NOT NULL,"
                        + " base_ids VARCHAR(4000) NOT NULL,"
                        + " created_at TIMESTAMP NOT NULL)");
                // Added with the keys' recorded lives; rows made before hold NULL (no scope, no expiry, not
                // revoked). Instants in epoch milliseconds: a TIMESTAMP column is read in each node's time zone.
                for (String column : List.of("jurisdictions VARCHAR(200)", "regions VARCHAR(4000)",
                        "expires_at BIGINT", "revoked_at BIGINT", "revocation_reason VARCHAR(2000)",
                        "replaced_by VARCHAR(20)", "replaced_valid_until BIGINT")) {
                    sql.execute("ALTER TABLE api_key ADD COLUMN IF NOT EXISTS " + column);
                }
            }
            return null;
        });
        this.environmentAdmin = adminKey.isBlank() ? Optional.empty()
                : Optional.of(new ApiKey(hash(adminKey), ENVIRONMENT_KEY_NAME, EnumSet.of(Role.ADMIN), Set.of()));
    }

    /** Refuses to start with a LEDGER_ADMIN_KEY shorter than {@link #MIN_ADMIN_KEY_LENGTH} characters. */
    static void checkAdminKey(String adminKey) {
        if (!adminKey.isBlank() && adminKey.strip().length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("LEDGER_ADMIN_KEY must be at least " + MIN_ADMIN_KEY_LENGTH
                    + " characters long (it has " + adminKey.strip().length() + "); the ledger does not start with it."
                    + " Make one with: openssl rand -base64 24");
        }
    }

    /** A new key's secret: 256 random bits, shown once. */
    public static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "cel_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A key as the table holds it, with what makes it valid or not. */
    public record StoredKey(ApiKey key, Instant createdAt, Instant expiresAt, Instant revokedAt, String revocationReason,
                            String replacedBy, Instant replacedValidUntil) {

        /** The instant the key stops being valid, by its expiry or its rotation, whichever comes first; null: never. */
        public Instant validUntil() {
            if (expiresAt == null) {
                return replacedValidUntil;
            }
            return replacedValidUntil == null || expiresAt.isBefore(replacedValidUntil) ? expiresAt : replacedValidUntil;
        }

        /** ACTIVE, EXPIRED (its expiry or its rotation's date has passed) or REVOKED, at {@code now}. */
        public String status(Instant now) {
            if (revokedAt != null) {
                return "REVOKED";
            }
            Instant until = validUntil();
            return until != null && !now.isBefore(until) ? "EXPIRED" : "ACTIVE";
        }
    }

    /** What a presented key is: a valid key, or why it is refused (null: no such key). */
    public record Authentication(ApiKey key, String refusal) {
        public boolean valid() {
            return key != null;
        }
    }

    /** The key presented, if valid now. */
    public Optional<ApiKey> find(String presentedKey) {
        return Optional.ofNullable(authenticate(presentedKey).key());
    }

    /**
     * Judges a presented key now. A revoked or expired key is refused saying so: only whoever holds its secret can
     * learn it, and the secret cannot be guessed, so this tells nobody else whether a key exists.
     */
    public Authentication authenticate(String presentedKey) {
        return authenticateHash(hash(presentedKey));
    }

    /** The key with this hash, if valid now (a console session remembers its key by hash, never the key itself). */
    public Optional<ApiKey> findByHash(String hash) {
        return Optional.ofNullable(authenticateHash(hash).key());
    }

    private Authentication authenticateHash(String hash) {
        if (environmentAdmin.isPresent() && MessageDigest.isEqual(
                environmentAdmin.get().hash().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return new Authentication(environmentAdmin.get(), null);
        }
        Optional<StoredKey> stored = jdbc.query(SELECT + " WHERE key_hash = ?", ApiKeyStore::stored, hash)
                .stream().findFirst();
        if (stored.isEmpty()) {
            return new Authentication(null, null);
        }
        StoredKey key = stored.get();
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            return new Authentication(null, "This API key was revoked at " + key.revokedAt() + ".");
        }
        Instant until = key.validUntil();
        if (until != null && !now.isBefore(until)) {
            return new Authentication(null, key.replacedBy() != null && until.equals(key.replacedValidUntil())
                    ? "This API key was replaced by " + key.replacedBy() + " and was valid until " + until + "."
                    : "This API key expired at " + until + ".");
        }
        return new Authentication(key.key(), null);
    }

    /** Every stored key, oldest first (secrets are never stored; hashes are not shown). */
    public List<StoredKey> list() {
        return jdbc.query(SELECT + " ORDER BY created_at, key_hash", ApiKeyStore::stored);
    }

    /** The stored key of id {@code keyId} ({@code key-} and the first 16 hex digits of its hash). */
    public Optional<StoredKey> byId(String keyId) {
        if (keyId == null || !keyId.matches("key-[0-9a-f]{16}")) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + " WHERE key_hash LIKE ?", ApiKeyStore::stored, keyId.substring(4) + "%")
                .stream().findFirst();
    }

    /** The key of LEDGER_ADMIN_KEY, if set: held in memory, never in the table. */
    public Optional<ApiKey> environmentKey() {
        return environmentAdmin;
    }

    public Instant now() {
        return clock.instant();
    }

    private static final String SELECT = "SELECT key_hash, name, roles, base_ids, jurisdictions, regions, created_at,"
            + " expires_at, revoked_at, revocation_reason, replaced_by, replaced_valid_until FROM api_key";

    private static StoredKey stored(ResultSet rs, int row) throws SQLException {
        EnumSet<Jurisdiction> jurisdictions = EnumSet.noneOf(Jurisdiction.class);
        split(rs.getString(5)).forEach(j -> jurisdictions.add(Jurisdiction.valueOf(j)));
        ApiKey key = new ApiKey(rs.getString(1), rs.getString(2), roles(rs.getString(3)), split(rs.getString(4)),
                jurisdictions, split(rs.getString(6)));
        Timestamp created = rs.getTimestamp(7);
        return new StoredKey(key, created == null ? null : created.toInstant(), instant(rs, 8), instant(rs, 9),
                rs.getString(10), rs.getString(11), instant(rs, 12));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Set<Role> roles(String text) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        split(text).forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    static Set<String> split(String text) {
        return text == null || text.isEmpty() ? Set.of()
                : Arrays.stream(text.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Keys are 256 random bits, so an unsalted SHA-256 is enough to keep them unrecoverable from the table. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
