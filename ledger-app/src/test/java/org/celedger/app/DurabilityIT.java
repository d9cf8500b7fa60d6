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
import java.util.Map;
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
    private static final int WRITERS = 4;
    private static final int READERS = 2;
    private Process ledger;

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.destroyForcibly();
        }
    }

    /**
     * Writers on four practitioners and readers of a fifth's profile run at once, so that commits share the
     * embedded store's writes (group commit: a commit is acknowledged once the write that holds it returns): every
     * acknowledged credit is in its history after {@code kill -9}, and every answered read in the access log.
     */
    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "durability-");
        int port = PostgresServer.freePort();
        Api api = new Api("http://127.0.0.1:" + port);

        ledger = start(dataDir, port);
        awaitReady(api);
        for (int w = 0; w < WRITERS; w++) {
            assertThat(api.post("/api/v1/practitioners", ADMIN, registration("p-durable-" + w)).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/practitioners", ADMIN, registration("p-read")).status()).isEqualTo(201);

        Map<Integer, Set<String>> acknowledged = new ConcurrentHashMap<>();
        Set<String> answeredReads = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(WRITERS + READERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Set<String> mine = acknowledged.computeIfAbsent(writer, k -> ConcurrentHashMap.newKeySet());
            clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String award = "w" + writer + "-" + i;
                    try {
                        if (api.post("/api/v1/practitioners/p-durable-" + writer + "/credits", ADMIN,
                                credit(award, "1")).status() == 201) {
                            mine.add(award);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String requestId = "read-" + reader + "-" + i;
                    try {
                        if (api.send("GET", "/api/v1/practitioners/p-read", ADMIN, null, "X-Request-Id", requestId)
                                .status() == 200) {
                            answeredReads.add(requestId);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        while (acknowledged.values().stream().mapToInt(Set::size).sum() < 600 || answeredReads.size() < 100) {
            Thread.sleep(20);
        }
        String prometheus = api.send("GET", "/actuator/prometheus", ADMIN, null).raw();
        // SIGKILL: no shutdown hook, no flush, no clean close of H2.
        ledger.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        double commits = counter(prometheus, "ledger_store_commits_total");
        double writes = counter(prometheus, "ledger_store_writes_total");
        System.out.printf("group commit: %.0f commits in %.0f writes of the store's file%n", commits, writes);
        assertThat(writes).as("concurrent commits shared the store's writes").isGreaterThan(0).isLessThan(commits);

        ledger = start(dataDir, port);
        awaitReady(api);
        int before = 0;
        int after = 0;
        for (int w = 0; w < WRITERS; w++) {
            Set<String> acknowledgedBeforeKill = Set.copyOf(acknowledged.get(w));
            JsonNode history = api.get("/api/v1/practitioners/p-durable-" + w + "/history", ADMIN).body();
            Set<String> stored = new HashSet<>();
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i).path("sequence").asLong()).isEqualTo(i);
                stored.add(history.get(i).path("payload").path("awardId").asText());
            }
            assertThat(stored).as("every acknowledged award survived kill -9").containsAll(acknowledgedBeforeKill);
            before += acknowledgedBeforeKill.size();
            after += history.size();
        }
        Set<String> logged = new HashSet<>();
        long last = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/access-log?practitionerId=p-read&limit=1000&after=" + last, ADMIN).body();
            page.path("entries").forEach(e -> logged.add(e.path("requestId").asText()));
            last = page.path("last").asLong();
            if (page.path("complete").asBoolean()) {
                break;
            }
        }
        System.out.printf("durability: %d credits acknowledged before kill -9, %d events after restart; %d reads"
                + " answered, %d logged%n", before, after, answeredReads.size(), logged.size());
        assertThat(logged).as("every answered read's access-log entry survived kill -9").containsAll(answeredReads);
        // and the ledger goes on writing after the crash
        assertThat(api.post("/api/v1/practitioners/p-durable-0/credits", ADMIN, credit("after-crash", "1")).status())
                .isEqualTo(201);
    }

    private static double counter(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
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
