package org.celedger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.celedger.ops.generate.Batches;
import org.celedger.ops.generate.PopulationGenerator;
import org.celedger.ops.generate.Settings;
import org.celedger.ops.ledger.LedgerClient;
import org.celedger.ops.ledger.LedgerProcess;
import org.celedger.ops.store.EventStoreDatabase;
import org.celedger.ops.store.ExportCommand;
import org.celedger.ops.store.ImportCommand;
import org.celedger.ops.store.PersonalDataKeysFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.celedger.app.PostgresServer;

/**
 * The event store exported to NDJSON and imported into an empty store gives a ledger that answers the
 * same: a generated population is written to a ledger on its embedded store, the answers recorded, the
 * store exported (refused while the ledger holds its file), imported into a new data directory, and a
 * ledger started there answers {@code /years} and {@code /eligibility} as before, also after {@code ops rebuild},
 * and goes on writing.
 */
class ExportImportIT {

    private static final String ADMIN = "export-admin-key-0001";
    private final List<LedgerProcess> ledgers = new ArrayList<>();

    @AfterEach
    void stop() {
        ledgers.forEach(LedgerProcess::close);
    }

    @Test
    void anImportedStoreAnswersAsTheOriginal() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "export-import-");
        Path original = work.resolve("original");
        Path copy = work.resolve("copy");
        Path file = work.resolve("events.ndjson");

        LedgerProcess first = start(original, work.resolve("original.log"));
        LedgerClient ledger = first.client();
        List<String> ids = new ArrayList<>();
        PopulationGenerator population = new PopulationGenerator(new Settings(40, 5, 11));
        Batches.cut(population, 200, batch -> {
            JsonNode result = ledger.post("/api/v1/batches", batch.json(), Duration.ofMinutes(2)).expectOk("batch").json();
            assertThat(result.path("rejected").asInt()).as(result.toString()).isZero();
            ids.addAll(batch.practitionerIds());
        });
        first.awaitReady(Duration.ofSeconds(60));
        Map<String, JsonNode> before = answers(ledger, ids);

        assertThatThrownBy(() -> ExportCommand.export(EventStoreDatabase.embedded(original), file))
                .as("H2 locks its file while the ledger runs").isInstanceOf(OpsException.class)
                .hasMessageContaining("stop the ledger");
        first.close();

        long exported = ExportCommand.export(EventStoreDatabase.embedded(original), file);
        assertThat(Files.readAllLines(file)).hasSize((int) exported);
        long imported = ImportCommand.importInto(EventStoreDatabase.embedded(copy), file);
        assertThat(imported).isEqualTo(exported);
        assertThatThrownBy(() -> ImportCommand.importInto(EventStoreDatabase.embedded(copy), file))
                .as("never into a store that holds events").isInstanceOf(OpsException.class)
                .hasMessageContaining("already holds " + exported + " events");

        // the personal-data keys travel beside the export, wrapped; the key file the operator restores apart
        assertThat(Files.readAllLines(PersonalDataKeysFile.beside(file))).hasSize(ids.size() + 1);
        Files.copy(original.resolve("personal-data.key"), copy.resolve("personal-data.key"));
        LedgerProcess second = start(copy, work.resolve("copy.log"));
        Map<String, JsonNode> after = answers(second.client(), ids);
        JsonNode profile = second.client().get("/api/v1/practitioners/" + ids.get(0)).expectOk("profile").json();
        assertThat(profile.path("profile").path("name").asText()).as("names open after the restore").isNotBlank();
        assertThat(profile.path("profile").path("idNumber").asText()).matches("\\d{17}[\\dX]");
        assertThat(after).as("the same answers after export and import").isEqualTo(before);
        // the operator commands on the imported ledger: status, then a full rebuild, after which it still answers the same
        assertThat(Ops.run("status", "--url", second.url(), "--key", ADMIN)).isZero();
        assertThat(Ops.run("rebuild", "--url", second.url(), "--key", ADMIN)).isZero();
        assertThat(answers(second.client(), ids)).as("the same answers after a rebuild").isEqualTo(before);
        LedgerClient.Response write = second.client().post("/api/v1/practitioners/" + ids.get(0) + "/credits", """
                {"awardId":"after-import","year":2026,"category":"PUBLIC","activity":"ONLINE_PLATFORM","hours":3,
                 "approvedBy":"导入测试","completedOn":"2026-05-01"}""");
        assertThat(write.status()).as(write.raw()).isEqualTo(201);

        // the same file into an empty PostgreSQL store: the identity goes on after the last global index
        PostgresServer postgres = PostgresServer.get();
        String url = postgres.freshDatabase("imported");
        EventStoreDatabase pg = new EventStoreDatabase(url, postgres.user, postgres.password);
        assertThat(ImportCommand.importInto(pg, file)).isEqualTo(exported);
        try (Connection c = DriverManager.getConnection(url, postgres.user, postgres.password);
             Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(globalindex), "
                    + "nextval(pg_get_serial_sequence('domainevententry', 'globalindex')) FROM domainevententry");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(exported);
            assertThat(rs.getLong(3)).as("the next global index").isEqualTo(rs.getLong(2) + 1);
        }
        Path again = work.resolve("from-postgres.ndjson");
        assertThat(ExportCommand.export(pg, again)).isEqualTo(exported);
        assertThat(Files.readAllLines(again)).as("PostgreSQL gives back the rows H2 gave").isEqualTo(Files.readAllLines(file));
        System.out.printf("export-import: %d events of %d practitioners exported, imported into H2 and PostgreSQL; "
                + "/years and /eligibility identical after import%n", exported, ids.size());
    }

    private LedgerProcess start(Path dataDir, Path log) {
        LedgerProcess ledger = LedgerProcess.start(new LedgerProcess.Spec(Path.of(System.getProperty("ledger.jar",
                "../ledger-app/target/ledger-app.jar")), dataDir, ADMIN, List.of("-Xmx512m"), List.of(), log));
        ledgers.add(ledger);
        ledger.awaitReady(Duration.ofSeconds(120));
        return ledger;
    }

    /**
     * Waits until every practitioner's read-model view holds its whole history: readiness says the
     * projection reached the head, but events of batches committed out of order may still be on their
     * way (a decision's upToSequence is the last fact its view holds).
     */
    private static void awaitProjected(LedgerClient ledger, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String id : ids) {
            String base = "/api/v1/practitioners/" + id;
            JsonNode history = ledger.get(base + "/history").expectOk("history").json();
            long last = history.get(history.size() - 1).path("sequence").asLong();
            while (ledger.get(base + "/eligibility?level=INTERMEDIATE&year=2026").expectOk("eligibility").json()
                    .path("upToSequence").asLong() < last) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(id + " not projected up to sequence " + last);
                }
                Thread.sleep(50);
            }
        }
    }

    private static Map<String, JsonNode> answers(LedgerClient ledger, List<String> ids) throws InterruptedException {
        awaitProjected(ledger, ids);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String id : ids) {
            String base = "/api/v1/practitioners/" + id;
            answers.put(id + " years", ledger.get(base + "/years").expectOk("years").json());
            for (String year : new String[]{"2025", "2026"}) {
                answers.put(id + " eligibility " + year, ledger.get(base + "/eligibility?level=INTERMEDIATE&year=" + year
                        + "&asOf=" + year + "-11-20").expectOk("eligibility").json());
            }
        }
        return answers;
    }
}
