package org.celedger.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * API keys, kept hashed in the event-store database: the only durable store of the embedded
 * default, so keys survive a restart like the facts do. A key is shown once, when it is made.
 */
@Component
public class ApiKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    /** The key given by LEDGER_ADMIN_KEY, held in memory only: it exists while the variable is set. */
    private final Optional<ApiKey> environmentAdmin;

    /** Characters of LEDGER_ADMIN_KEY at least: a short admin key is guessed, and it opens everything. */
    public static final int MIN_ADMIN_KEY_LENGTH = 16;

    public ApiKeyStore(JdbcTemplate jdbc, @Value("${LEDGER_ADMIN_KEY:}") String adminKey) {
        checkAdminKey(adminKey);
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS api_key ("
                + " key_hash VARCHAR(64) PRIMARY KEY,"
                + " name VARCHAR(200) NOT NULL,"
                + " roles VARCHAR(200) NOT NULL,"
                + " base_ids VARCHAR(4000) NOT NULL,"
                + " created_at TIMESTAMP NOT NULL)");
        this.environmentAdmin = adminKey.isBlank() ? Optional.empty()
                : Optional.of(new ApiKey(hash(adminKey), "LEDGER_ADMIN_KEY", EnumSet.of(Role.ADMIN), Set.of()));
    }

    /** Refuses to start with a LEDGER_ADMIN_KEY shorter than {@link #MIN_ADMIN_KEY_LENGTH} characters. */
    static void checkAdminKey(String adminKey) {
        if (!adminKey.isBlank() && adminKey.strip().length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("LEDGER_ADMIN_KEY must be at least " + MIN_ADMIN_KEY_LENGTH
                    + " characters long (it has " + adminKey.strip().length() + "); the ledger does not start with it."
                    + " Make one with: openssl rand -base64 24");
        }
    }

    /** Makes a key and answers it in the clear, the one time it is ever shown. */
    public String create(String name, Set<Role> roles, Set<String> baseIds) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "cel_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("INSERT INTO api_key (key_hash, name, roles, base_ids, created_at) VALUES (?, ?, ?, ?, ?)",
                hash(key), name, roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                String.join(",", baseIds), Timestamp.from(Instant.now()));
        return key;
    }

    public Optional<ApiKey> find(String presentedKey) {
        return findByHash(hash(presentedKey));
    }

    /** The key with this hash (a console session remembers its key by hash, never the key itself). */
    public Optional<ApiKey> findByHash(String hash) {
        if (environmentAdmin.isPresent() && MessageDigest.isEqual(
                environmentAdmin.get().hash().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return environmentAdmin;
        }
        return jdbc.query("SELECT key_hash, name, roles, base_ids FROM api_key WHERE key_hash = ?",
                (rs, i) -> new ApiKey(rs.getString(1), rs.getString(2), roles(rs.getString(3)), split(rs.getString(4))),
                hash).stream().findFirst();
    }

    private static Set<Role> roles(String text) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        split(text).forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    private static Set<String> split(String text) {
        return text.isEmpty() ? Set.of()
                : Arrays.stream(text.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Keys are 256 random bits, so an unsalted SHA-256 is enough to keep them unrecoverable from the table. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
