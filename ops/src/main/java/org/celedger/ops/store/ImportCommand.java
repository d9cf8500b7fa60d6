package org.celedger.ops.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;
import org.celedger.ops.OpsException;
import org.celedger.ops.cli.Args;

/**
 * {@code import}: an {@code export} file into an empty event store, every row as it was (global index,
 * identifiers, timestamps, payload bytes), in one transaction, then the identity moved past the last global
 * index so that the ledger's next event follows. The tables are created as the ledger creates them when
 * missing; a store that holds any event is refused. The personal-data keys exported beside the file are
 * restored in the same transaction ({@link PersonalDataKeysFile}).
 */
public final class ImportCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;

    private ImportCommand() {
    }

    public static int run(Args args) throws IOException, SQLException {
        EventStoreDatabase db = EventStoreDatabase.of(args);
        Path in = args.path("in", "events.ndjson");
        args.done();
        long started = System.nanoTime();
        long rows = importInto(db, in);
        System.out.printf("imported %,d events from %s into %s in %.1f s%n", rows, in.toAbsolutePath(), db.url(),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    public static long importInto(EventStoreDatabase db, Path in) throws IOException, SQLException {
        if (!Files.isReadable(in)) {
            throw new OpsException("cannot read " + in.toAbsolutePath());
        }
        try (Connection c = db.connect(false)) {
            if (!db.h2() && !db.postgres()) {
                throw new OpsException("import knows H2 and PostgreSQL, not " + db.url());
            }
            c.setAutoCommit(false);
            EventTables.create(c, db.postgres());
            long existing = EventStoreDatabase.count(c);
            if (existing > 0) {
                c.rollback();
                throw new OpsException("the event store " + db.url() + " already holds " + existing
                        + " events: import only into an empty store");
            }
            long rows = 0;
            long maxIndex = 0;
            try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO DomainEventEntry (" + ExportCommand.COLUMNS
                         + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                String line;
                int lineNumber = 0;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode e = JSON.readTree(line);
                    long globalIndex = required(e, "globalIndex", lineNumber).asLong();
                    insert.setLong(1, globalIndex);
                    insert.setString(2, required(e, "aggregateIdentifier", lineNumber).asText());
                    insert.setLong(3, required(e, "sequenceNumber", lineNumber).asLong());
                    setText(insert, 4, e.path("type"));
                    insert.setString(5, required(e, "eventIdentifier", lineNumber).asText());
                    insert.setBytes(6, bytes(e, "metaData"));
                    byte[] payload = bytes(e, "payload");
                    if (payload == null) {
                        throw new OpsException("line " + lineNumber + " of " + in + " has no payload");
                    }
                    insert.setBytes(7, payload);
                    setText(insert, 8, e.path("payloadRevision"));
                    insert.setString(9, required(e, "payloadType", lineNumber).asText());
                    insert.setString(10, required(e, "timeStamp", lineNumber).asText());
                    insert.addBatch();
                    maxIndex = Math.max(maxIndex, globalIndex);
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            EventTables.continueIdentityAfter(c, db.postgres(), maxIndex);
            try {
                PersonalDataKeysFile.importInto(c, in);
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.commit();
            return rows;
        }
    }

    private static JsonNode required(JsonNode e, String field, int line) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            throw new OpsException("line " + line + " has no " + field + ": not an export of the event store");
        }
        return v;
    }

    private static void setText(PreparedStatement s, int index, JsonNode v) throws SQLException {
        if (v.isMissingNode() || v.isNull()) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, v.asText());
        }
    }

    private static byte[] bytes(JsonNode e, String field) {
        JsonNode text = e.get(field);
        if (text != null && !text.isNull()) {
            return text.asText().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode base64 = e.get(field + "Base64");
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asText());
    }
}
