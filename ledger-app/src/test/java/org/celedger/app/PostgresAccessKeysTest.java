package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Keys and registrars on a real PostgreSQL server (see {@link PostgresServer}), and a second ledger node sharing it:
 * a key revoked through one node is refused by the other at its next request.
 */
class PostgresAccessKeysTest extends AccessKeysContractTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.get();
        registry.add("ledger.event-store.url", () -> server.url);
        registry.add("ledger.event-store.user", () -> server.user);
        registry.add("ledger.event-store.password", () -> server.password);
        registry.add("ledger.personal-data.key-file", () -> server.keyFile);
    }

    @Test
    void aKeyRevokedThroughOneNodeIsRefusedByTheOtherAtItsNextRequest() {
        PostgresServer server = PostgresServer.get();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0", "--LEDGER_ADMIN_KEY=" + ADMIN, "--ledger.event-store.url=" + server.url,
                "--ledger.event-store.user=" + server.user, "--ledger.event-store.password=" + server.password,
                "--ledger.data-dir=target/test-data/node-b-" + UUID.randomUUID(),
                "--ledger.personal-data.key-file=" + server.keyFile)) {
            Api nodeB = new Api("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));
            String secret = key("{\"name\":\"两节点-" + run + "\",\"roles\":[\"INTEGRATOR\"]}").path("key").asText();
            String keyId = "key-" + sha256(secret).substring(0, 16);
            assertThat(nodeB.post("/api/v1/batches", secret, "{\"items\":[]}").status())
                    .as("a key made through node A works on node B").isEqualTo(200);

            assertThat(api.post("/api/v1/api-keys/" + keyId + "/revocations", ADMIN, "{\"reason\":\"泄露\"}").status())
                    .isEqualTo(201);
            Api.Response refused = nodeB.post("/api/v1/batches", secret, "{\"items\":[]}");
            assertThat(refused.status()).as("node B, at its next request").isEqualTo(401);
            assertThat(refused.body().path("detail").asText()).startsWith("This API key was revoked at ");

            // and the other way: a key rotated through node B ends on node A at its date
            String other = key("{\"name\":\"两节点二-" + run + "\",\"roles\":[\"INTEGRATOR\"]}").path("key").asText();
            Api.Response rotated = nodeB.post("/api/v1/api-keys/key-" + sha256(other).substring(0, 16) + "/rotations",
                    ADMIN, "{\"oldKeyValidUntil\":\"2000-01-01T00:00:00Z\"}");
            assertThat(rotated.status()).as(rotated.raw()).isEqualTo(201);
            assertThat(asIntegrator(other).status()).isEqualTo(401);
            assertThat(asIntegrator(rotated.body().path("key").asText()).status()).isEqualTo(200);
        }
    }
}
