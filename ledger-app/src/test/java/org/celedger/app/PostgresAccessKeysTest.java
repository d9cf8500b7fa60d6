package org.celedger.app;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Keys and registrars on a real PostgreSQL server (see {@link PostgresServer}). */
class PostgresAccessKeysTest extends AccessKeysContractTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.get();
        registry.add("ledger.event-store.url", () -> server.url);
        registry.add("ledger.event-store.user", () -> server.user);
        registry.add("ledger.event-store.password", () -> server.password);
    }
}
