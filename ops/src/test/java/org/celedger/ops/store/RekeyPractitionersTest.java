package org.celedger.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.celedger.ops.OpsException;
import org.celedger.ops.generate.ResidentIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rekey-practitioners} on a small embedded store: exact counts, no resident ID number left in the event
 * table but each practitioner's {@code profile.idNumber}, a second run that finds nothing, and failures that leave
 * the store as it was.
 */
class RekeyPractitionersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REG = RekeyPractitionersCommand.REGISTERED;
    private static final String CREDIT = "org.celedger.domain.practitioner.CreditAwarded";
    /**
     * Two practitioners under resident ID numbers (one ending in a check character stored as a small x, as an
     * integrator may have written it), one whose 18 digits fail the check.
     */
    private static final String A = ResidentIds.of("150102", LocalDate.of(1980, 5, 27), 136);
    private static final String B = idEndingInX().toLowerCase();
    private static final String NOT_CHECKED = A.substring(0, 17) + (A.charAt(17) == '0' ? '1' : '0');

    private static String idEndingInX() {
        for (int seq = 0; ; seq++) {
            String id = ResidentIds.of("640502", LocalDate.of(1972, 1, 2), seq);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    @Test
    void rekeysEveryOccurrenceInOneRunAndTheSecondRunFindsNothing(@TempDir Path dir) throws Exception {
        assertThat(ResidentIds.valid(A)).isTrue();
        assertThat(ResidentIds.valid(B.toUpperCase())).isTrue();
        assertThat(ResidentIds.valid(NOT_CHECKED)).isFalse();
        EventStoreDatabase db = store(dir.resolve("data"));
        Path mapping = dir.resolve("mapping.csv");

        Output out = ops("rekey-practitioners", "--data-dir", dir.resolve("data").toString(), "--mapping", mapping.toString());

        assertThat(out.status()).as(out.err()).isEqualTo(0);
        assertThat(out.out()).contains("re-keyed 2 practitioner streams",
                "8 events rewritten: 5 moved to their stream's new id, 8 payloads and 1 metadata with an old id "
                        + "replaced, 2 registrations given profile.idNumber",
                "3 access-log rows rewritten, 2 snapshots deleted", "the mapping of 2 old ids");
        assertThat(out.out() + out.err()).doesNotContain(A).doesNotContain(B).doesNotContain(B.toUpperCase())
                .doesNotContain(A.substring(0, 17)).doesNotContain(B.substring(0, 17));

        Map<String, String> ids = RekeyPractitionersCommand.readMapping(mapping);
        assertThat(ids.keySet()).containsExactly(A, B);
        String a = ids.get(A);
        String b = ids.get(B);
        assertThat(a).matches("p-[0-9a-f]{20}").isNotEqualTo(b);
        assertThat(b).matches("p-[0-9a-f]{20}");
        assertThat(Files.readAllLines(mapping)).containsExactly("idNumber,practitionerId", A + "," + a, B + "," + b);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mapping))).isEqualTo("rw-------");

        // the events, one by one
        List<EventRows.Row> rows = EventRows.of(db);
        assertThat(rows).extracting(EventRows.Row::aggregate).containsExactly(a, a, a, b, b, "base/b-1", "base/b-1",
                NOT_CHECKED, "p-plain", "p-plain");
        assertThat(rows.get(0).payload()).isEqualTo("{\"practitionerId\":\"" + a + "\",\"profile\":{\"name\":\"王芳\","
                + "\"birthDate\":\"1980-05-27\",\"jurisdiction\":\"IM\",\"idNumber\":\"" + A + "\"}}");
        assertThat(rows.get(1).payload()).isEqualTo(credit(a, a + "-A2022-1", 12.5));
        assertThat(rows.get(2).payload()).isEqualTo(credit(a, "c-1/" + a, 24.0));
        assertThat(rows.get(3).payload()).isEqualTo("{\"practitionerId\":\"" + b + "\",\"profile\":{\"name\":\"李娜\","
                + "\"birthDate\":\"1972-01-02\",\"jurisdiction\":\"NX\",\"idNumber\":\"" + B.toUpperCase() + "\"}}");
        assertThat(rows.get(4).payload()).isEqualTo(credit(b, "c-1/" + b, 24.0));
        assertThat(rows.get(4).metaData()).isEqualTo("{\"traceId\":\"t-5\",\"note\":\"row of " + b + "\"}");
        assertThat(rows.get(5).payload()).isEqualTo("{\"baseId\":\"b-1\",\"sessionId\":\"c-1\",\"newEntries\":["
                + "{\"practitionerId\":\"" + a + "\",\"hours\":24.0},{\"practitionerId\":\"" + b + "\",\"hours\":24.0}],"
                + "\"byId\":{\"" + a + "\":1}}");
        assertThat(rows.get(6).payload()).isEqualTo("{\"baseId\":\"b-1\",\"sessionId\":\"c-1\",\"practitionerId\":\"" + b
                + "\",\"awardId\":\"c-1/" + b + "\",\"reason\":\"awardId c-1/" + b + " was already used\"}");
        assertThat(rows.get(7).payload()).as("18 digits failing the check are no ID number: left")
                .isEqualTo("{\"practitionerId\":\"" + NOT_CHECKED + "\",\"profile\":{\"name\":\"赵六\"}}");
        assertThat(rows.get(8).payload()).isEqualTo("{\"practitionerId\":\"p-plain\",\"profile\":{\"name\":\"钱七\"}}");
        assertThat(rows.get(9).payload()).as("a certificate number holding the ID number, and a longer number that "
                + "merely contains it").isEqualTo("{\"practitionerId\":\"p-plain\",\"certificateNo\":\"ZJ" + a
                + "\",\"longer\":\"9" + A + "\"}");

        assertThat(EventRows.assertNoIdNumberOutsideProfiles(db)).isEqualTo(2);
        assertThat(accessLog(db)).containsExactly(a, a, b, null, "p-plain");
        assertThat(snapshots(db)).containsExactly("p-plain");

        // again: nothing to do, nothing touched, the mapping file not needed
        List<EventRows.Row> after = EventRows.of(db);
        Output again = ops("rekey-practitioners", "--data-dir", dir.resolve("data").toString(), "--mapping", mapping.toString());
        assertThat(again.status()).as(again.err()).isEqualTo(0);
        assertThat(again.out()).isEqualTo("nothing to re-key: no practitioner stream in " + db.url() + " has a resident "
                + "ID number as its id (already re-keyed, or never had one)\n");
        assertThat(EventRows.of(db)).isEqualTo(after);
        assertThat(RekeyPractitionersCommand.rekey(db, dir.resolve("other.csv")).nothingToDo()).isTrue();
        assertThat(dir.resolve("other.csv")).doesNotExist();
        assertThat(Files.readAllLines(mapping)).containsExactly("idNumber,practitionerId", A + "," + a, B + "," + b);
    }

    @Test
    void onceSealedAndCompactedTheFileHoldsNoNumber(@TempDir Path dir) throws Exception {
        EventStoreDatabase db = store(dir.resolve("data"));
        assertThat(RekeyPractitionersCommand.rekey(db, dir.resolve("m.csv")).streams()).isEqualTo(2);
        try (Connection c = db.connect(true); Statement s = c.createStatement()) {
            // what the ledger's start does to the plain numbers (ledger-app PersonalDataSealing), in place
            s.executeUpdate("UPDATE DomainEventEntry SET payload = X'7B7D' WHERE payloadType = '" + REG + "'");
        }
        Output out = ops("compact-store", "--data-dir", dir.resolve("data").toString());
        assertThat(out.status()).as(out.err()).isEqualTo(0);
        assertThat(out.out()).startsWith("compacted " + db.url());
        String file = new String(Files.readAllBytes(dir.resolve("data/events.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(file).doesNotContain(A).doesNotContain(B).doesNotContain(B.toUpperCase()).contains("p-plain");
    }

    @Test
    void aFailureMidwayLeavesTheStoreAsItWasAndNoMapping(@TempDir Path dir) throws Exception {
        EventStoreDatabase db = store(dir.resolve("data"));
        List<EventRows.Row> before = EventRows.of(db);
        List<String> accessBefore = accessLog(db);
        Path mapping = dir.resolve("mapping.csv");

        // a crash midway: in batches of two, after three rows, the transaction holds a moved stream and rewritten payloads
        assertThatThrownBy(() -> RekeyPractitionersCommand.rekey(db, mapping, RekeyPractitionersCommand::newId, (c, n) -> {
            if (n == 3) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM "
                        + "DomainEventEntry WHERE aggregateIdentifier LIKE 'p-%' AND aggregateIdentifier <> 'p-plain'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("rows moved so far, seen inside the transaction").isEqualTo(2);
                }
                throw new SQLException("the disk went away");
            }
        }, 2)).isInstanceOf(SQLException.class).hasMessage("the disk went away");
        assertThat(EventRows.of(db)).isEqualTo(before);
        assertThat(accessLog(db)).isEqualTo(accessBefore);
        assertThat(snapshots(db)).containsExactly(A, "base/b-1", "p-plain");
        assertThat(mapping).as("a mapping of a store never re-keyed is removed").doesNotExist();

        // an event naming a practitioner that cannot be rewritten, last in the store
        try (Connection c = db.connect(true)) {
            insert(c, 11, "p-plain", 2, "Practitioner", "org.celedger.X", "not json: " + A, null);
        }
        List<EventRows.Row> withBadRow = EventRows.of(db);
        Output out = ops("rekey-practitioners", "--data-dir", dir.resolve("data").toString(), "--mapping", mapping.toString());
        assertThat(out.status()).isEqualTo(1);
        assertThat(out.err()).contains("the payload of the event at global index 11 names a re-keyed practitioner but "
                + "is not JSON, so it cannot be rewritten: nothing was changed").doesNotContain(A);
        assertThat(EventRows.of(db)).isEqualTo(withBadRow);
        assertThat(accessLog(db)).isEqualTo(accessBefore);
        assertThat(mapping).doesNotExist();
    }

    @Test
    void countsIdNumbersThatNameNoStreamWithoutPrintingThem(@TempDir Path dir) throws Exception {
        EventStoreDatabase db = store(dir.resolve("data"));
        String stranger = ResidentIds.of("152201", LocalDate.of(1990, 6, 16), 821);
        try (Connection c = db.connect(true)) {
            insert(c, 11, "p-plain", 2, "Practitioner", CREDIT, "{\"practitionerId\":\"p-plain\",\"note\":\"with "
                    + stranger + "\"}", null);
        }
        Output out = ops("rekey-practitioners", "--data-dir", dir.resolve("data").toString(), "--mapping",
                dir.resolve("m.csv").toString());
        assertThat(out.status()).as(out.err()).isEqualTo(0);
        assertThat(out.out()).contains("re-keyed 2 practitioner streams", "warning: 1 resident ID numbers in event "
                + "payloads name no practitioner stream and were left as they are").doesNotContain(stranger);
        assertThat(EventRows.of(db).get(10).payload()).contains(stranger);
        Output again = ops("rekey-practitioners", "--data-dir", dir.resolve("data").toString(), "--mapping",
                dir.resolve("m.csv").toString());
        assertThat(again.out()).contains("nothing to re-key", "warning: 1 resident ID numbers");
    }

    @Test
    void refusesAStoreWhosePersonalDataALedgerAlreadySealedUnderTheOldIds(@TempDir Path dir) throws Exception {
        EventStoreDatabase db = store(dir.resolve("data"));
        try (Connection c = db.connect(true); Statement s = c.createStatement()) {
            // as ledger-app's PersonalDataKeys makes them: one wrapped key per practitioner id
            s.execute("CREATE TABLE personal_data_key (practitioner_id VARCHAR(255) PRIMARY KEY,"
                    + " wrapped_key VARCHAR(200) NOT NULL, created_at TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO personal_data_key VALUES ('" + B + "', 'wrapped', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO personal_data_key VALUES ('p-plain', 'wrapped', CURRENT_TIMESTAMP)");
        }
        List<EventRows.Row> before = EventRows.of(db);
        Output out = ops("rekey-practitioners", "--data-dir", dir.resolve("data").toString(), "--mapping",
                dir.resolve("m.csv").toString());
        assertThat(out.status()).isEqualTo(1);
        assertThat(out.err()).contains("already sealed the personal data of 1 of the 2 practitioners under their "
                + "ID-number ids", "Re-key the backup taken before the upgrade", "nothing was changed")
                .doesNotContain(B).doesNotContain(A);
        assertThat(EventRows.of(db)).isEqualTo(before);
        assertThat(dir.resolve("m.csv")).doesNotExist();
    }

    @Test
    void refusesAStoreWhoseAccessLogStillHasEntriesInItsJournal(@TempDir Path dir) throws Exception {
        EventStoreDatabase db = store(dir.resolve("data"));
        // as ledger-app's AccessLogJournal leaves it when the ledger is killed: entries not yet moved into the table
        Path journal = Files.createDirectories(dir.resolve("data").resolve("access-log"));
        Files.writeString(journal.resolve("journal-0000000000000000006.jsonl"), "{\"id\":6,\"practitionerId\":\"" + A + "\"}\n");
        List<EventRows.Row> before = EventRows.of(db);
        Output out = ops("rekey-practitioners", "--data-dir", dir.resolve("data").toString(), "--mapping",
                dir.resolve("m.csv").toString());
        assertThat(out.status()).isEqualTo(1);
        assertThat(out.err()).contains("has entries in its journal", "not yet moved into the event store",
                "Start the ledger on this data directory and stop it").doesNotContain(A);
        assertThat(EventRows.of(db)).isEqualTo(before);
        assertThat(dir.resolve("m.csv")).doesNotExist();
    }

    @Test
    void neverOverwritesAMappingAndNamesWhatIsWrong(@TempDir Path dir) throws Exception {
        EventStoreDatabase db = store(dir.resolve("data"));
        List<EventRows.Row> before = EventRows.of(db);
        Path mapping = dir.resolve("mapping.csv");
        Files.writeString(mapping, "someone else's file\n");
        assertThatThrownBy(() -> RekeyPractitionersCommand.rekey(db, mapping)).isInstanceOf(OpsException.class)
                .hasMessageContaining("exists: the mapping is never overwritten. The store still holds 2 practitioners "
                        + "under ID numbers");
        assertThat(Files.readString(mapping)).isEqualTo("someone else's file\n");
        assertThat(EventRows.of(db)).isEqualTo(before);

        assertThatThrownBy(() -> RekeyPractitionersCommand.rekey(db, dir.resolve("no/such/dir/m.csv")))
                .isInstanceOf(OpsException.class).hasMessageContaining("its directory does not exist");
        assertThat(EventRows.of(db)).isEqualTo(before);

        Output usage = ops("rekey-practitioners", "--data-dir", dir.resolve("data").toString());
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("--mapping FILE is required");

        assertThatThrownBy(() -> RekeyPractitionersCommand.rekey(EventStoreDatabase.embedded(dir.resolve("none")),
                dir.resolve("m.csv"))).isInstanceOf(OpsException.class).hasMessageContaining("no embedded event store");
    }

    // --- the store

    private static EventStoreDatabase store(Path data) throws Exception {
        EventStoreDatabase db = EventStoreDatabase.embedded(data);
        try (Connection c = db.connect(false)) {
            EventTables.create(c, false);
            insert(c, 1, A, 0, "Practitioner", REG, "{\"practitionerId\":\"" + A + "\",\"profile\":{\"name\":\"王芳\","
                    + "\"birthDate\":\"1980-05-27\",\"jurisdiction\":\"IM\"}}", "{\"traceId\":\"t-1\"}");
            insert(c, 2, A, 1, "Practitioner", CREDIT, credit(A, A + "-A2022-1", 12.5), null);
            insert(c, 3, A, 2, "Practitioner", CREDIT, credit(A, "c-1/" + A, 24.0), null);
            insert(c, 4, B, 0, "Practitioner", REG, "{\"practitionerId\":\"" + B + "\",\"profile\":{\"name\":\"李娜\","
                    + "\"birthDate\":\"1972-01-02\",\"jurisdiction\":\"NX\"}}", null);
            insert(c, 5, B, 1, "Practitioner", CREDIT, credit(B, "c-1/" + B, 24.0),
                    "{\"traceId\":\"t-5\",\"note\":\"row of " + B + "\"}");
            insert(c, 6, "base/b-1", 0, "TrainingBase", "org.celedger.domain.base.RosterSubmitted",
                    "{\"baseId\":\"b-1\",\"sessionId\":\"c-1\",\"newEntries\":[{\"practitionerId\":\"" + A + "\",\"hours\":24.0},"
                            + "{\"practitionerId\":\"" + B + "\",\"hours\":24.0}],\"byId\":{\"" + A + "\":1}}", null);
            insert(c, 7, "base/b-1", 1, "TrainingBase", "org.celedger.domain.base.RosterCreditRefused",
                    "{\"baseId\":\"b-1\",\"sessionId\":\"c-1\",\"practitionerId\":\"" + B + "\",\"awardId\":\"c-1/" + B
                            + "\",\"reason\":\"awardId c-1/" + B + " was already used\"}", null);
            insert(c, 8, NOT_CHECKED, 0, "Practitioner", REG,
                    "{\"practitionerId\":\"" + NOT_CHECKED + "\",\"profile\":{\"name\":\"赵六\"}}", null);
            insert(c, 9, "p-plain", 0, "Practitioner", REG, "{\"practitionerId\":\"p-plain\",\"profile\":{\"name\":\"钱七\"}}",
                    null);
            insert(c, 10, "p-plain", 1, "Practitioner", CREDIT, "{\"practitionerId\":\"p-plain\",\"certificateNo\":\"ZJ" + A
                    + "\",\"longer\":\"9" + A + "\"}", null);
            try (Statement s = c.createStatement()) {
                // the ledger's access log (ledger-app AccessLog), with rows for both, a population read and another
                s.execute("CREATE TABLE personal_data_access (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " accessed_at TIMESTAMP NOT NULL, key_id VARCHAR(40) NOT NULL, key_name VARCHAR(200),"
                        + " practitioner_id VARCHAR(255), method VARCHAR(10) NOT NULL, endpoint VARCHAR(200) NOT NULL,"
                        + " purpose VARCHAR(200), request_id VARCHAR(64))");
                for (String p : new String[]{"'" + A + "'", "'" + A + "'", "'" + B + "'", "NULL", "'p-plain'"}) {
                    s.execute("INSERT INTO personal_data_access (accessed_at, key_id, practitioner_id, method, endpoint) "
                            + "VALUES (CURRENT_TIMESTAMP, 'key-1', " + p + ", 'GET', '/api/v1/practitioners/{id}')");
                }
            }
            snapshot(c, A, 2, "{\"practitionerId\":\"" + A + "\"}");
            snapshot(c, "base/b-1", 1, "{\"rows\":[\"c-1/" + B + "\"]}");
            snapshot(c, "p-plain", 1, "{\"practitionerId\":\"p-plain\"}");
        }
        return db;
    }

    private static String credit(String practitioner, String awardId, double hours) {
        return "{\"practitionerId\":\"" + practitioner + "\",\"awardId\":\"" + awardId + "\",\"hours\":" + hours + "}";
    }

    static void insert(Connection c, long index, String aggregate, long sequence, String type, String payloadType,
                       String payload, String meta) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO DomainEventEntry (" + ExportCommand.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, '1', ?, '2026-01-01T00:00:00Z')")) {
            p.setLong(1, index);
            p.setString(2, aggregate);
            p.setLong(3, sequence);
            p.setString(4, type);
            p.setString(5, "e-" + index);
            p.setBytes(6, meta == null ? null : meta.getBytes(StandardCharsets.UTF_8));
            p.setBytes(7, payload.getBytes(StandardCharsets.UTF_8));
            p.setString(8, payloadType);
            p.executeUpdate();
        }
    }

    private static void snapshot(Connection c, String aggregate, long sequence, String payload) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO SnapshotEventEntry (aggregateIdentifier, "
                + "sequenceNumber, type, eventIdentifier, payload, payloadType, timeStamp) VALUES (?, ?, 'T', ?, ?, 'S', 'now')")) {
            p.setString(1, aggregate);
            p.setLong(2, sequence);
            p.setString(3, "s-" + aggregate);
            p.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            p.executeUpdate();
        }
    }

    /** The practitioner ids of the access log, oldest first (the PostgreSQL test reads its store with it too). */
    static List<String> accessLog(EventStoreDatabase db) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connect(true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT practitioner_id FROM personal_data_access ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static List<String> snapshots(EventStoreDatabase db) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connect(true); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT aggregateIdentifier FROM SnapshotEventEntry ORDER BY aggregateIdentifier")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    record Output(int status, String out, String err) {
    }

    static Output ops(String... argv) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = org.celedger.ops.Ops.run(argv);
            return new Output(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
