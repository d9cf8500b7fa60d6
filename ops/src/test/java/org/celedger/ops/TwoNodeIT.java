package org.celedger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.history.StoredFact;
import org.celedger.ops.generate.Batches;
import org.celedger.ops.generate.PopulationGenerator;
import org.celedger.ops.generate.Settings;
import org.celedger.ops.ledger.LedgerClient;
import org.celedger.ops.ledger.LedgerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.celedger.app.PostgresServer;

/**
 * Two ledger processes share one real PostgreSQL event store and one MongoDB-wire server (started
 * standalone by {@code ops mongo-server}). Facts are written through both nodes at the same time, half of
 * the practitioners through each; afterwards every event is in its practitioner's view exactly once, and the two
 * tracking segments of {@code practitioner-views} are claimed by the two different nodes.
 */
class TwoNodeIT {

    private static final String ADMIN = "two-node-admin-key";
    private static final String PROCESSOR = "practitioner-views";

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void twoNodesShareTheStoresAndSplitTheSegments() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "two-node-");
        PostgresServer postgres = PostgresServer.get();
        String eventStore = postgres.freshDatabase("two_node");
        MongoServerProcess mongo = MongoServerProcess.start(work.resolve("mongo-server.log"));
        started.add(mongo);
        String mongoUri = "mongodb://127.0.0.1:" + mongo.port() + "/ledger";

        List<String> args = List.of("--ledger.event-store.url=" + eventStore,
                "--ledger.event-store.user=" + postgres.user, "--ledger.event-store.password=" + postgres.password,
                "--spring.data.mongodb.uri=" + mongoUri,
                // every node of a shared store seals and opens personal data with the same key file
                "--ledger.personal-data.key-file=" + work.resolve("personal-data.key").toAbsolutePath(),
                // one worker thread per node: each node claims one of the two segments
                "--axon.eventhandling.processors." + PROCESSOR + ".thread-count=1");
        // one after the other, so that the first creates the segments' tokens and the second finds them
        LedgerProcess a = start(work, "a", args);
        LedgerProcess b = start(work, "b", args);
        LedgerClient nodeA = a.client();
        LedgerClient nodeB = b.client();

        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase("ledger");
            Map<Integer, String> owners = awaitTwoOwners(db);

            // ---------------------------------------------------------------- writes through both nodes
            PopulationGenerator population = new PopulationGenerator(new Settings(60, 4, 2026));
            List<PopulationGenerator.Generated> people = new ArrayList<>();
            population.forEach(people::add);
            // Each practitioner's facts go through one node, half of them through each, both nodes at once; the
            // revocations and reassignments of those facts then go through the other node, whose cached
            // aggregate has not seen them (a refusal is re-checked on fresh state).
            List<List<ObjectNode>> facts = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<ObjectNode>> dependent = List.of(new ArrayList<>(), new ArrayList<>());
            for (PopulationGenerator.Generated p : people) {
                for (ObjectNode item : p.items()) {
                    String type = item.path("type").asText();
                    boolean actsOnAnother = type.endsWith("-revocation") || type.equals("credit-reassignment");
                    if (actsOnAnother) {
                        dependent.get((p.index() + 1) % 2).add(item);
                    } else {
                        facts.get(p.index() % 2).add(item);
                    }
                }
            }
            Map<String, Long> statuses = new HashMap<>();
            List<LedgerClient> nodes = List.of(nodeA, nodeB);
            List<CompletableFuture<JsonNode>> writing = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                LedgerClient node = nodes.get(n);
                List<ObjectNode> batch = facts.get(n);
                writing.add(CompletableFuture.supplyAsync(() -> post(node, batch)));
            }
            for (CompletableFuture<JsonNode> w : writing) {
                count(statuses, w.get());
            }
            writing.clear();
            for (int n = 0; n < 2; n++) {
                LedgerClient node = nodes.get(n);
                List<ObjectNode> batch = dependent.get(n);
                writing.add(CompletableFuture.supplyAsync(() -> post(node, batch)));
            }
            for (CompletableFuture<JsonNode> w : writing) {
                count(statuses, w.get());
            }
            // and the same practitioners written through both nodes at the same moment: the loser of each race
            // on a practitioner's sequence is retried on fresh state, so both writes are recorded
            List<CompletableFuture<Integer>> racing = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                PopulationGenerator.Generated p = people.get(i);
                for (int n = 0; n < 2; n++) {
                    LedgerClient node = nodes.get(n);
                    String body = """
                            {"awardId":"two-node-%d-%d","year":2026,"category":"PUBLIC","activity":"ONLINE_PLATFORM",
                             "hours":2.5,"approvedBy":"两节点测试","completedOn":"2026-06-01"}""".formatted(i, n);
                    racing.add(CompletableFuture.supplyAsync(() -> {
                        LedgerClient.Response r = node.post("/api/v1/practitioners/" + p.id() + "/credits", body);
                        assertThat(r.status()).as(r.raw()).isEqualTo(201);
                        return r.status();
                    }));
                }
            }
            for (CompletableFuture<Integer> r : racing) {
                r.get();
                statuses.merge("ACCEPTED", 1L, Long::sum);
            }
            // and the same registrations through both nodes at the same moment: one node creates each practitioner,
            // the other's creation loses the race on the event store's key and is answered as a repeated write
            List<PopulationGenerator.Generated> newcomers = new ArrayList<>();
            new PopulationGenerator(new Settings(20, 1, 4711)).forEach(newcomers::add);
            assertThat(newcomers).extracting(PopulationGenerator.Generated::id)
                    .doesNotContainAnyElementsOf(people.stream().map(PopulationGenerator.Generated::id).toList());
            Map<String, Long> registrationRace = new HashMap<>();
            List<CompletableFuture<JsonNode>> registering = new ArrayList<>();
            for (PopulationGenerator.Generated p : newcomers) {
                ObjectNode registration = p.items().get(0);
                assertThat(registration.path("type").asText()).isEqualTo("practitioner");
                for (LedgerClient node : nodes) {
                    registering.add(CompletableFuture.supplyAsync(() -> post(node, List.of(registration))));
                }
            }
            for (CompletableFuture<JsonNode> r : registering) {
                count(registrationRace, r.get());
            }
            System.out.printf("two-node: %d registrations, each through both nodes at once: %s%n", newcomers.size(),
                    registrationRace);
            assertThat(registrationRace).as("each registered once, the other answered as a repeat")
                    .isEqualTo(Map.of("ACCEPTED", 20L, "DUPLICATE", 20L));

            long written = people.stream().mapToLong(p -> p.items().size()).sum() + 40;
            System.out.printf("two-node: %d writes through both nodes: %s%n", written, statuses);
            assertThat(statuses).as("every write accepted").containsOnlyKeys("ACCEPTED");
            assertThat(statuses.get("ACCEPTED")).isEqualTo(written);

            // ---------------------------------------------------------------- both nodes caught up
            long events = eventCount(eventStore, postgres);
            awaitCaughtUp(nodeA, events);
            awaitCaughtUp(nodeB, events);

            // ---------------------------------------------------------------- every event exactly once
            int generation = db.getCollection("projection_meta").find(Filters.eq("_id", PROCESSOR)).first()
                    .getInteger("active");
            Map<String, List<Long>> viewSequences = new HashMap<>();
            for (Document view : db.getCollection("practitioner_views_" + generation).find()) {
                List<Long> sequences = new ArrayList<>();
                for (StoredFact fact : PractitionerViewStore.facts(view)) {
                    sequences.add(fact.sequence());
                }
                viewSequences.put(view.getString("_id"), sequences);
            }
            List<PopulationGenerator.Generated> everyone = new ArrayList<>(people);
            everyone.addAll(newcomers);
            assertThat(viewSequences.keySet()).as("a view per practitioner")
                    .containsExactlyInAnyOrderElementsOf(everyone.stream().map(PopulationGenerator.Generated::id).toList());
            long projected = 0;
            for (PopulationGenerator.Generated p : everyone) {
                JsonNode history = (p.index() % 2 == 0 ? nodeA : nodeB).get("/api/v1/practitioners/" + p.id() + "/history")
                        .expectOk("history").json();
                List<Long> expected = new ArrayList<>();
                history.forEach(e -> expected.add(e.path("sequence").asLong()));
                List<Long> inView = viewSequences.get(p.id());
                assertThat(inView).as("the view of %s holds each of its %d events once", p.id(), history.size())
                        .hasSize(history.size())
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expected);
                projected += inView.size();
            }
            assertThat(projected).as("every event of the store is in a view").isEqualTo(events);

            // ---------------------------------------------------------------- the segments split between the nodes
            owners = owners(db);
            System.out.printf("two-node: %d events in PostgreSQL, %d facts in %d views (generation %d), each once; "
                            + "segments of %s: %s; node A pid %d, node B pid %d%n", events, projected,
                    viewSequences.size(), generation, PROCESSOR, owners, a.pid(), b.pid());
            assertThat(owners).as("two segments, each claimed").hasSize(2).doesNotContainValue(null);
            assertThat(Set.copyOf(owners.values())).as("claimed by two different nodes").hasSize(2);
            assertThat(owners.values()).as("the owners are the two ledger processes")
                    .anyMatch(o -> o.startsWith(a.pid() + "@"))
                    .anyMatch(o -> o.startsWith(b.pid() + "@"));

            // ---------------------------------------------------------------- write on one node, read on the other at once
            int exact = 0;
            for (int i = 0; i < 20; i++) {
                LedgerClient writer = nodes.get(i % 2);
                LedgerClient reader = nodes.get((i + 1) % 2);
                String p = "rw-two-node-" + i;
                writer.post("/api/v1/practitioners", """
                        {"id":"%s","name":"王强","gender":"MALE","birthDate":"1985-06-01","jurisdiction":"IM",
                         "region":"呼和浩特市","sector":"PUBLIC_INSTITUTION","grassroots":false,"titleSeries":"工程",
                         "titleLevel":"INTERMEDIATE","titleObtainedOn":"2015-12-01","degree":"BACHELOR"}""".formatted(p))
                        .expectOk("registration");
                JsonNode credited = null;
                for (int year = 2024; year <= 2026; year++) {
                    writer.post("/api/v1/practitioners/" + p + "/credits", credit("pub-" + year, year, "PUBLIC", 30))
                            .expectOk("credit");
                    credited = writer.post("/api/v1/practitioners/" + p + "/credits",
                            credit("pro-" + year, year, "PROFESSIONAL", 60)).expectOk("credit").json();
                }
                exact += decidedAtOnce(reader, p, credited, "MET");
                JsonNode revoked = writer.post("/api/v1/practitioners/" + p + "/credits/pro-2025/revocations",
                        "{\"reason\":\"证书作废\"}").expectOk("revocation").json();
                exact += decidedAtOnce(reader, p, revoked, "NOT_MET");
                // and the other way round: written on the reader, read on the writer
                JsonNode madeUp = reader.post("/api/v1/practitioners/" + p + "/credits",
                        credit("pro-2025b", 2025, "PROFESSIONAL", 60)).expectOk("credit").json();
                exact += decidedAtOnce(writer, p, madeUp, "MET");
            }
            System.out.printf("two-node: %d decisions read on one node right after a write on the other, %d exact%n",
                    60, exact);
            assertThat(exact).isEqualTo(60);
        }
    }

    private static String credit(String awardId, int year, String category, int hours) {
        return ("{\"awardId\":\"%s\",\"year\":%d,\"category\":\"%s\",\"activity\":\"ONLINE_PLATFORM\",\"hours\":%d,"
                + "\"approvedBy\":\"两节点测试\",\"completedOn\":\"%d-03-10\"}").formatted(awardId, year, category, hours, year);
    }

    /** Reads the decision at once and asserts it reflects {@code write} exactly; answers 1 when it does. */
    private static int decidedAtOnce(LedgerClient node, String p, JsonNode write, String outcome) {
        JsonNode d = node.get("/api/v1/practitioners/" + p + "/eligibility?purpose=TITLE_EVALUATION&level=INTERMEDIATE&year=2026")
                .expectOk("decision").json();
        assertThat(d.path("upToSequence").asLong()).as("%s read on %s", p, node.base())
                .isEqualTo(write.path("sequence").asLong());
        assertThat(d.path("outcome").asText()).as("%s read on %s after sequence %s", p, node.base(), write.path("sequence"))
                .isEqualTo(outcome);
        return 1;
    }

    private LedgerProcess start(Path work, String name, List<String> args) {
        LedgerProcess node = LedgerProcess.start(new LedgerProcess.Spec(Path.of(System.getProperty("ledger.jar",
                "../ledger-app/target/ledger-app.jar")), work.resolve(name), ADMIN, List.of("-Xmx512m"), args,
                work.resolve("ledger-" + name + ".log")));
        started.add(node);
        node.awaitReady(Duration.ofSeconds(120));
        return node;
    }

    private static JsonNode post(LedgerClient node, List<ObjectNode> items) {
        return node.post("/api/v1/batches", Batches.body(items), Duration.ofMinutes(2)).expectOk("batch").json();
    }

    private static synchronized void count(Map<String, Long> statuses, JsonNode batchResult) {
        for (JsonNode r : batchResult.path("results")) {
            statuses.merge(r.path("status").asText(), 1L, Long::sum);
            if (r.has("problem")) {
                System.out.println("two-node: refused: " + r);
            }
        }
    }

    /** Segment → owner of the processor's tokens in the shared token store. */
    private static Map<Integer, String> owners(MongoDatabase db) {
        Map<Integer, String> owners = new HashMap<>();
        for (Document token : db.getCollection("trackingtokens").find(Filters.eq("processorName", PROCESSOR))) {
            owners.put(((Number) token.get("segment")).intValue(), token.getString("owner"));
        }
        return owners;
    }

    private static Map<Integer, String> awaitTwoOwners(MongoDatabase db) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<Integer, String> owners = owners(db);
        while (System.nanoTime() < deadline) {
            owners = owners(db);
            if (owners.size() == 2 && !owners.containsValue(null) && Set.copyOf(owners.values()).size() == 2) {
                return owners;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the two segments were not claimed by two nodes within 60 s: " + owners);
    }

    private static long eventCount(String url, PostgresServer postgres) throws Exception {
        try (Connection c = DriverManager.getConnection(url, postgres.user, postgres.password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Readiness UP and the node's segment at the head of the store, which holds {@code events} events. */
    private static void awaitCaughtUp(LedgerClient node, long events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = node.readiness();
            JsonNode p = last == null ? null : last.path("components").path("projections").path("details").path(PROCESSOR);
            if (p != null && "UP".equals(last.path("status").asText()) && p.path("head").asLong() >= events
                    && p.path("position").asLong() >= p.path("head").asLong()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(node.base() + " did not catch up with " + events + " events: " + last);
    }

    /** {@code java -jar ops.jar mongo-server} as a child process, as an operator would run it. */
    static final class MongoServerProcess implements AutoCloseable {
        private final Process process;
        private final int port;

        private MongoServerProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static MongoServerProcess start(Path log) throws Exception {
            int port = LedgerProcess.freePort();
            Path jar = Path.of(System.getProperty("ops.jar", "target/ops.jar"));
            assertThat(jar).as("the packaged ops (mvn package)").exists();
            Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar",
                    jar.toAbsolutePath().toString(), "mongo-server", "--port", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MongoServerProcess server = new MongoServerProcess(p, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(p.isAlive()).as("mongo-server is running (log %s)", log).isTrue();
                if (Files.readString(log).contains("mongo-server listening on")) {
                    return server;
                }
                Thread.sleep(100);
            }
            server.close();
            throw new AssertionError("mongo-server did not start: " + Files.readString(log));
        }

        int port() {
            return port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
