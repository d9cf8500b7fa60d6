package org.celedger.app;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The event-store contract on a real PostgreSQL server (see {@link PostgresServer}). */
class PostgresEventStoreTest extends EventStoreContractTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.get();
        registry.add("ledger.event-store.url", () -> server.url);
        registry.add("ledger.event-store.user", () -> server.user);
        registry.add("ledger.event-store.password", () -> server.password);
        registry.add("ledger.personal-data.key-file", () -> server.keyFile);
    }
}
