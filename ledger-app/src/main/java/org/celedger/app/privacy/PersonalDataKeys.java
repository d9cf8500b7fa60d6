package org.celedger.app.privacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each practitioner's personal-data key: a random AES-256 key that seals their name, resident ID number and
 * birth date wherever the ledger stores them, kept wrapped by the master key ({@link MasterKeys}) in the table
 * {@code personal_data_key} of the event-store database. Destroying the row is the erasure (crypto-shredding):
 * every copy of the sealed values, in the events, their backups and exports, is unreadable from then on.
 *
 * <p>A key is made in the transaction of the first fact that seals with it, and forgotten in the transaction that
 * records the erasure, so a key exists exactly when the facts that need it do. Keys are kept in memory once
 * committed; another node's erasure is seen here within {@code ledger.personal-data.key-cache-seconds}.
 */
public class PersonalDataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Cached(SecretKey key, long loadedAt) {
    }

    private final JdbcTemplate jdbc;
    private final MasterKeys master;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** Keys made by this thread's open transaction: not cached before it commits, since it may roll back. */
    private final ThreadLocal<Set<String>> madeInTransaction = ThreadLocal.withInitial(HashSet::new);

    public PersonalDataKeys(DataSource dataSource, MasterKeys master, Duration cacheFor) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.master = master;
        this.ttlNanos = cacheFor.toNanos();
        jdbc.execute("CREATE TABLE IF NOT EXISTS personal_data_key ("
                + " practitioner_id VARCHAR(255) PRIMARY KEY,"
                + " wrapped_key VARCHAR(200) NOT NULL,"
                + " created_at TIMESTAMP NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS personal_data_master (fingerprint VARCHAR(32) PRIMARY KEY)");
        checkMaster();
    }

    /** A store sealed under one master key is never opened, nor sealed further, under another. */
    private void checkMaster() {
        List<String> known = jdbc.queryForList("SELECT fingerprint FROM personal_data_master", String.class);
        if (known.isEmpty()) {
            jdbc.update("INSERT INTO personal_data_master (fingerprint) VALUES (?)", master.fingerprint());
        } else if (!known.contains(master.fingerprint())) {
            throw new IllegalStateException("this event store's personal data is sealed under the key file with"
                    + " fingerprint " + known.get(0) + ", not the one given (" + master.fingerprint()
                    + "): set ledger.personal-data.key-file to the store's own key file");
        }
    }

    /** The key that seals {@code practitionerId}'s personal data, made if they have none yet. */
    public SecretKey sealingKey(String practitionerId) {
        return key(practitionerId).orElseGet(() -> make(practitionerId));
    }

    /** The key that opens {@code practitionerId}'s personal data; empty once it was erased. */
    public Optional<SecretKey> openingKey(String practitionerId) {
        return key(practitionerId);
    }

    /** Every stored key into memory at once: a replay then reads no key row by row. */
    public void preload() {
        long now = System.nanoTime();
        jdbc.query("SELECT practitioner_id, wrapped_key FROM personal_data_key", row -> {
            String id = row.getString(1);
            cache.put(id, new Cached(unwrap(id, row.getString(2)), now));
        });
    }

    /**
     * Forgets {@code practitionerId}'s key, in the caller's transaction (the one recording the erasure): once
     * it commits, nothing opens their sealed values again.
     */
    public void destroy(String practitionerId) {
        jdbc.update("DELETE FROM personal_data_key WHERE practitioner_id = ?", practitionerId);
        afterCommit(() -> cache.put(practitionerId, new Cached(null, System.nanoTime())));
    }

    private Optional<SecretKey> key(String practitionerId) {
        Cached cached = cache.get(practitionerId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < ttlNanos) {
            return Optional.ofNullable(cached.key());
        }
        List<String> wrapped = jdbc.queryForList("SELECT wrapped_key FROM personal_data_key WHERE practitioner_id = ?",
                String.class, practitionerId);
        SecretKey key = wrapped.isEmpty() ? null : unwrap(practitionerId, wrapped.get(0));
        if (!madeInTransaction.get().contains(practitionerId)) {
            cache.put(practitionerId, new Cached(key, System.nanoTime()));
        }
        return Optional.ofNullable(key);
    }

    private SecretKey make(String practitionerId) {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        SecretKey key = new SecretKeySpec(material, "AES");
        String wrapped = Base64.getEncoder().encodeToString(
                FieldCipher.encrypt(master.wrapping(), practitionerId, material));
        try {
            jdbc.update("INSERT INTO personal_data_key (practitioner_id, wrapped_key, created_at) VALUES (?, ?, ?)",
                    practitionerId, wrapped, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException another) {
            // Another transaction made this practitioner's key first: this write is retried and then seals with it.
            throw new ConcurrencyException("another write made this practitioner's personal-data key first");
        }
        cache.remove(practitionerId); // the "no key" read before making it
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            madeInTransaction.get().add(practitionerId);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    madeInTransaction.get().remove(practitionerId);
                    if (status == STATUS_COMMITTED) {
                        cache.put(practitionerId, new Cached(key, System.nanoTime()));
                    }
                }
            });
        } else {
            cache.put(practitionerId, new Cached(key, System.nanoTime()));
        }
        return key;
    }

    private SecretKey unwrap(String practitionerId, String wrapped) {
        try {
            return new SecretKeySpec(FieldCipher.decrypt(master.wrapping(), practitionerId,
                    Base64.getDecoder().decode(wrapped.getBytes(StandardCharsets.US_ASCII))), "AES");
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a practitioner's personal-data key does not open under this master key", e);
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
