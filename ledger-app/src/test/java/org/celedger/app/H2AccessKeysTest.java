package org.celedger.app;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Keys and registrars on the embedded default: H2 in file mode under a fresh data directory. */
class H2AccessKeysTest extends AccessKeysContractTest {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/keys-" + UUID.randomUUID());
    }
}
