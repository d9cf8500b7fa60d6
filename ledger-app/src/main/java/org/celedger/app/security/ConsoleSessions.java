package org.celedger.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Console sessions: an API key exchanged for a session, so that the browser holds a random session id in
 * an HttpOnly cookie instead of the key. Kept in the event-store database, so every node knows them and a
 * restart keeps them; only the session id's hash is stored, and the key by its hash. A session lasts
 * {@code ledger.console.session-lifetime} (8 hours) from sign-in; it ends at sign-out, and with its key: a
 * revoked key is no longer found, so its sessions authenticate nothing.
 */
@Component
public class ConsoleSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live session: the hash of its key, and the token that unsafe requests must echo (CSRF). */
    public record Session(String keyHash, String csrfToken, Instant expiresAt) {
    }

    /** A session just made: its id (for the cookie, shown once) and its state. */
    public record Opened(String id, Session session) {
    }

    private final JdbcTemplate jdbc;
    private final Duration lifetime;
    private final Clock clock;

    @Autowired
    public ConsoleSessions(DataSource dataSource, @Value("${ledger.console.session-lifetime:8h}") Duration lifetime) {
        this(dataSource, lifetime, Clock.systemUTC());
    }

    ConsoleSessions(DataSource dataSource, Duration lifetime, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.lifetime = lifetime;
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS console_session ("
                + " session_hash VARCHAR(64) PRIMARY KEY,"
                + " key_hash VARCHAR(64) NOT NULL,"
                + " csrf_token VARCHAR(64) NOT NULL,"
                + " expires_at TIMESTAMP NOT NULL)");
    }

    public Opened open(ApiKey key) {
        String id = random();
        Session session = new Session(key.hash(), random(), clock.instant().plus(lifetime));
        // Sessions past their end are removed as new ones begin, so the table holds only live ones.
        jdbc.update("DELETE FROM console_session WHERE expires_at < ?", Timestamp.from(clock.instant()));
        jdbc.update("INSERT INTO console_session (session_hash, key_hash, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                hash(id), session.keyHash(), session.csrfToken(), Timestamp.from(session.expiresAt()));
        return new Opened(id, session);
    }

    /** The live session with this id, or empty (unknown, ended or expired). */
    public Optional<Session> find(String id) {
        return jdbc.query("SELECT key_hash, csrf_token, expires_at FROM console_session WHERE session_hash = ?",
                        (rs, i) -> new Session(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), hash(id))
                .stream().filter(s -> s.expiresAt().isAfter(clock.instant())).findFirst();
    }

    public void end(String id) {
        jdbc.update("DELETE FROM console_session WHERE session_hash = ?", hash(id));
    }

    public Duration lifetime() {
        return lifetime;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
