package org.celedger.app;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The event-store contract on the embedded default: H2 in file mode under a fresh data directory. */
class H2EventStoreTest extends EventStoreContractTest {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/h2-" + UUID.randomUUID());
    }
}
