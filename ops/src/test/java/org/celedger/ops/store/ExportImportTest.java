package org.celedger.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.celedger.ops.OpsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import on plain H2 stores: rows come back byte for byte, and the identity continues after them. */
class ExportImportTest {

    @Test
    void rowsComeBackByteForByteAndTheIdentityContinues(@TempDir Path dir) throws Exception {
        EventStoreDatabase source = EventStoreDatabase.embedded(dir.resolve("source"));
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, 0x01};
        try (Connection c = source.connect(false)) {
            EventTables.create(c, false);
            insert(c, 1, "p-1", 0, "{\"name\":\"王芳\",\"hours\":32.0}".getBytes(StandardCharsets.UTF_8), null);
            insert(c, 2, "p-1", 1, notUtf8, "{\"traceId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            insert(c, 5, "p-2", 0, "{}".getBytes(StandardCharsets.UTF_8), null); // a gap in the global index
        }
        Path file = dir.resolve("events.ndjson");
        assertThat(ExportCommand.export(source, file)).isEqualTo(3);
        assertThat(Files.readAllLines(file).get(0)).contains("\"payload\":\"{\\\"name\\\":\\\"王芳\\\",\\\"hours\\\":32.0}\"");
        assertThat(Files.readAllLines(file).get(1)).contains("\"payloadBase64\":");

        EventStoreDatabase target = EventStoreDatabase.embedded(dir.resolve("target"));
        assertThat(ImportCommand.importInto(target, file)).isEqualTo(3);
        assertThat(rows(target)).isEqualTo(rows(source));
        try (Connection c = target.connect(true); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                    + "payload, payloadType, timeStamp) VALUES ('p-3', 0, 'Practitioner', 'e-new', X'7B7D', 'T', 'now')");
            ResultSet rs = s.executeQuery("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = 'e-new'");
            rs.next();
            assertThat(rs.getLong(1)).as("after the last imported index").isEqualTo(6);
        }
        assertThatThrownBy(() -> ImportCommand.importInto(target, file)).isInstanceOf(OpsException.class)
                .hasMessageContaining("already holds 4 events");
    }

    @Test
    void exportNamesAMissingStore(@TempDir Path dir) {
        assertThatThrownBy(() -> ExportCommand.export(EventStoreDatabase.embedded(dir.resolve("nothing")),
                dir.resolve("out.ndjson"))).isInstanceOf(OpsException.class).hasMessageContaining("no embedded event store");
    }

    private static void insert(Connection c, long index, String aggregate, long sequence, byte[] payload, byte[] meta)
            throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO DomainEventEntry (" + ExportCommand.COLUMNS
                + ") VALUES (?, ?, ?, 'Practitioner', ?, ?, ?, NULL, 'org.celedger.X', '2026-01-0" + index + "T00:00:00Z')")) {
            p.setLong(1, index);
            p.setString(2, aggregate);
            p.setLong(3, sequence);
            p.setString(4, "e-" + index);
            p.setBytes(5, meta);
            p.setBytes(6, payload);
            p.executeUpdate();
        }
    }

    private static List<String> rows(EventStoreDatabase db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + ExportCommand.COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 10; i++) {
                    Object v = i == 6 || i == 7 ? rs.getBytes(i) : rs.getObject(i);
                    row.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
