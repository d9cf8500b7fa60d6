package org.celedger.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ledger keeps its facts. {@code ledger.data-dir} holds the embedded H2 event store;
 * {@code ledger.event-store.url} (with user and password) points at PostgreSQL instead.
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(@DefaultValue("./data") Path dataDir, @DefaultValue EventStore eventStore) {

    public record EventStore(String url, String user, String password, @DefaultValue("10") int poolSize,
                             @DefaultValue("1000") int readBatchSize) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }
}
