package org.celedger.ops.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * The practitioners' personal-data keys beside an export: {@code <export>.keys}, one JSON object a line, the
 * store's master-key fingerprint first. The keys are wrapped by the ledger's key file (ledger-app PersonalDataKeys),
 * which is never exported: a restored store opens its personal data only with that file. They are kept apart
 * from the events so that an erasure reaches an old export once its keys file is gone (API.md "Personal data").
 * Without the keys, a restored store reads every practitioner as erased.
 */
public final class PersonalDataKeysFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalDataKeysFile() {
    }

    public static Path beside(Path events) {
        return events.resolveSibling(events.getFileName() + ".keys");
    }

    /** Writes the store's keys beside {@code events} (owner-only); answers how many, -1 if the store has none. */
    static long export(Connection c, Path events) throws SQLException, IOException {
        if (!EventStoreDatabase.tableExists(c, "personal_data_key")) {
            return -1;
        }
        Path file = beside(events);
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        long keys = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             Statement s = c.createStatement()) {
            if (EventStoreDatabase.tableExists(c, "personal_data_master")) {
                try (ResultSet rs = s.executeQuery("SELECT fingerprint FROM personal_data_master")) {
                    while (rs.next()) {
                        out.write(JSON.createObjectNode().put("fingerprint", rs.getString(1)).toString());
                        out.write('\n');
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT practitioner_id, wrapped_key, created_at FROM personal_data_key"
                    + " ORDER BY practitioner_id")) {
                while (rs.next()) {
                    ObjectNode key = JSON.createObjectNode().put("practitionerId", rs.getString(1))
                            .put("wrappedKey", rs.getString(2)).put("createdAt", rs.getTimestamp(3).toInstant().toString());
                    out.write(key.toString());
                    out.write('\n');
                    keys++;
                }
            }
        }
        return keys;
    }

    /**
     * Restores the keys beside {@code events}, if that file exists, in the caller's transaction; answers how many,
     * -1 without a file. The tables are made as the ledger makes them (ledger-app PersonalDataKeys).
     */
    static long importInto(Connection c, Path events) throws SQLException, IOException {
        Path file = beside(events);
        if (!Files.isReadable(file)) {
            return -1;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS personal_data_key (practitioner_id VARCHAR(255) PRIMARY KEY,"
                    + " wrapped_key VARCHAR(200) NOT NULL, created_at TIMESTAMP NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS personal_data_master (fingerprint VARCHAR(32) PRIMARY KEY)");
        }
        long keys = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             PreparedStatement master = c.prepareStatement("INSERT INTO personal_data_master (fingerprint) VALUES (?)");
             PreparedStatement key = c.prepareStatement(
                     "INSERT INTO personal_data_key (practitioner_id, wrapped_key, created_at) VALUES (?, ?, ?)")) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                if (row.has("fingerprint")) {
                    master.setString(1, row.get("fingerprint").asText());
                    master.executeUpdate();
                } else {
                    key.setString(1, row.path("practitionerId").asText());
                    key.setString(2, row.path("wrappedKey").asText());
                    key.setTimestamp(3, Timestamp.from(java.time.Instant.parse(row.path("createdAt").asText())));
                    key.addBatch();
                    keys++;
                }
            }
            key.executeBatch();
        }
        return keys;
    }
}
