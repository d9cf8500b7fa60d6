package org.celedger.ops.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import org.celedger.ops.OpsException;
import org.celedger.ops.cli.Args;

/**
 * {@code export}: every row of the event store's {@code DomainEventEntry}, in global order, as one JSON object
 * per line. Payload and metadata are the stored JSON text, kept as strings so that they come back byte for
 * byte ({@code payloadBase64}/{@code metaDataBase64} if a row ever held bytes that are not UTF-8).
 * Snapshots are not exported: they are derived from the events and the ledger makes them again. The
 * practitioners' personal-data keys go to a file of their own beside it ({@link PersonalDataKeysFile}).
 */
public final class ExportCommand {

    static final String COLUMNS = "globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
            + "metaData, payload, payloadRevision, payloadType, timeStamp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportCommand() {
    }

    public static int run(Args args) throws IOException, SQLException {
        EventStoreDatabase db = EventStoreDatabase.of(args);
        Path out = args.path("out", "events.ndjson");
        args.done();
        long started = System.nanoTime();
        long rows = export(db, out);
        System.out.printf("exported %,d events from %s to %s in %.1f s%n", rows, db.url(), out.toAbsolutePath(),
                (System.nanoTime() - started) / 1e9);
        if (Files.exists(PersonalDataKeysFile.beside(out))) {
            System.out.printf("the practitioners' personal-data keys (wrapped) are in %s: a restore needs it and the"
                    + " store's key file (personal-data.key, never exported)%n", PersonalDataKeysFile.beside(out).toAbsolutePath());
        }
        return 0;
    }

    public static long export(EventStoreDatabase db, Path out) throws IOException, SQLException {
        try (Connection c = db.connect(true)) {
            if (!EventStoreDatabase.tableExists(c)) {
                throw new OpsException("no DomainEventEntry table in " + db.url() + ": not a ledger's event store");
            }
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            c.setReadOnly(true);
            long rows = 0;
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex");
                 OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                 JsonGenerator g = JSON.getFactory().createGenerator(file, JsonEncoding.UTF8)) {
                q.setFetchSize(1_000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        g.writeStartObject();
                        g.writeNumberField("globalIndex", rs.getLong(1));
                        g.writeStringField("aggregateIdentifier", rs.getString(2));
                        g.writeNumberField("sequenceNumber", rs.getLong(3));
                        g.writeStringField("type", rs.getString(4));
                        g.writeStringField("eventIdentifier", rs.getString(5));
                        g.writeStringField("timeStamp", rs.getString(10));
                        g.writeStringField("payloadType", rs.getString(9));
                        g.writeStringField("payloadRevision", rs.getString(8));
                        bytes(g, "payload", rs.getBytes(7));
                        bytes(g, "metaData", rs.getBytes(6));
                        g.writeEndObject();
                        g.writeRaw('\n');
                        rows++;
                    }
                }
            }
            PersonalDataKeysFile.export(c, out);
            c.commit();
            return rows;
        }
    }

    private static void bytes(JsonGenerator g, String field, byte[] value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
            return;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            g.writeStringField(field, text);
        } catch (CharacterCodingException notText) {
            g.writeStringField(field + "Base64", Base64.getEncoder().encodeToString(value));
        }
    }
}
