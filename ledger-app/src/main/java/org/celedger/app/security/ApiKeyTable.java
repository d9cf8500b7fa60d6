package org.celedger.app.security;

import java.time.Instant;
import java.util.stream.Collectors;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Timestamp;
import org.celedger.domain.key.ApiKeyIssued;
import org.celedger.domain.key.ApiKeyRevoked;
import org.celedger.domain.key.ApiKeyRotated;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code api_key} table kept from the keys' recorded facts. Its processing group is subscribing
 * (application.yaml): it runs in the unit of work that records the fact, inside its transaction, so the fact and
 * the row are committed together or not at all, and a failure here refuses the write (its errors propagate
 * instead of being logged). No replay: keys made before their facts were recorded exist only as rows.
 */
@Component
@ProcessingGroup(ApiKeyTable.GROUP)
public class ApiKeyTable {

    public static final String GROUP = "api-key-table";

    private final JdbcTemplate jdbc;

    public ApiKeyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyIssued e, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO api_key (key_hash, name, roles, base_ids, created_at, jurisdictions, regions,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.keyHash(), e.name(), e.roles().stream().sorted().collect(Collectors.joining(",")),
                String.join(",", e.baseIds()), java.sql.Timestamp.from(recordedAt),
                e.jurisdictions().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                String.join(",", e.regions()), millis(e.expiresAt()));
    }

    @EventHandler
    void on(ApiKeyRevoked e, @Timestamp Instant recordedAt) {
        updated(jdbc.update("UPDATE api_key SET revoked_at = ?, revocation_reason = ? WHERE key_hash LIKE ?",
                recordedAt.toEpochMilli(), e.reason(), prefix(e.keyId())), e.keyId());
    }

    @EventHandler
    void on(ApiKeyRotated e) {
        updated(jdbc.update("UPDATE api_key SET replaced_by = ?, replaced_valid_until = ? WHERE key_hash LIKE ?",
                e.newKeyId(), millis(e.oldKeyValidUntil()), prefix(e.keyId())), e.keyId());
    }

    private static void updated(int rows, String keyId) {
        if (rows != 1) {
            throw new IllegalStateException("api_key holds " + rows + " rows of " + keyId + ", not one");
        }
    }

    private static String prefix(String keyId) {
        return keyId.substring("key-".length()) + "%";
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Errors of this group refuse the write that caused them (Axon's default for event handlers logs and goes on). */
    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        ConfigurerModule apiKeyTableErrors() {
            return configurer -> configurer.eventProcessing()
                    .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
        }
    }

}
