package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.app.Api.credit;
import static org.celedger.app.Api.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write acknowledged with 2xx survives {@code kill -9}: the packaged ledger runs as a child JVM,
 * writers post credits as fast as they can, the process is killed with SIGKILL mid-stream, restarted on
 * the same data directory, and every acknowledged credit must be in the history.
 */
class DurabilityIT {

    private static final String ADMIN = "durability-admin";
    private Process ledger;

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "durability-");
        int port = PostgresServer.freePort();
        Api api = new Api("http://127.0.0.1:" + port);

        ledger = start(dataDir, port);
        awaitReady(api);
        assertThat(api.post("/api/v1/practitioners", ADMIN, registration("p-durable")).status()).isEqualTo(201);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; writing.get(); i++) {
                    String award = "w" + writer + "-" + i;
                    try {
                        if (api.post("/api/v1/practitioners/p-durable/credits", ADMIN, credit(award, "1")).status() == 201) {
                            acknowledged.add(award);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        while (acknowledged.size() < 400) {
            Thread.sleep(20);
        }
        // SIGKILL: no shutdown hook, no flush, no clean close of H2.
        ledger.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Set<String> acknowledgedBeforeKill = Set.copyOf(acknowledged);

        ledger = start(dataDir, port);
        awaitReady(api);
        JsonNode history = api.get("/api/v1/practitioners/p-durable/history", ADMIN).body();
        Set<String> stored = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("sequence").asLong()).isEqualTo(i);
            stored.add(history.get(i).path("payload").path("awardId").asText());
        }
        System.out.printf("durability: %d credits acknowledged before kill -9, %d events after restart%n",
                acknowledgedBeforeKill.size(), history.size());
        assertThat(stored).as("every acknowledged award survived kill -9").containsAll(acknowledgedBeforeKill);
        // and the ledger goes on writing after the crash
        assertThat(api.post("/api/v1/practitioners/p-durable/credits", ADMIN, credit("after-crash", "1")).status())
                .isEqualTo(201);
    }

    private static Process start(Path dataDir, int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        File jar = new File("target/ledger-app.jar");
        assertThat(jar).as("the packaged ledger (mvn package)").exists();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.getAbsolutePath(),
                "--server.port=" + port, "--ledger.data-dir=" + dataDir.toAbsolutePath()))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("ledger-" + Instant.now().toEpochMilli() + ".log").toFile());
        pb.environment().put("LEDGER_ADMIN_KEY", ADMIN);
        return pb.start();
    }

    private void awaitReady(Api api) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(ledger.isAlive()).as("the ledger process is running").isTrue();
            try {
                if (api.get("/actuator/health/readiness", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ledger did not become ready within 120 s");
    }
}
