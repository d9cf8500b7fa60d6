package org.celedger.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import org.celedger.ops.generate.ResidentIds;

/** The rows of an event store's {@code DomainEventEntry} as text, for tests that compare or search them. */
public final class EventRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventRows() {
    }

    public record Row(long index, String aggregate, long sequence, String payload, String metaData) {
    }

    public static List<Row> of(EventStoreDatabase db) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.connect(true); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT globalIndex, aggregateIdentifier, sequenceNumber, payload, metaData FROM DomainEventEntry "
                        + "ORDER BY globalIndex")) {
            while (rs.next()) {
                byte[] meta = rs.getBytes(5);
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        new String(rs.getBytes(4), StandardCharsets.UTF_8),
                        meta == null ? null : new String(meta, StandardCharsets.UTF_8)));
            }
        }
        return rows;
    }

    /**
     * No resident ID number (check character verified) in any aggregate id, payload or metadata of the event table,
     * but in the {@code profile.idNumber} of a registration. Answers how many profiles hold one.
     */
    public static int assertNoIdNumberOutsideProfiles(EventStoreDatabase db) throws Exception {
        int profiles = 0;
        for (Row row : of(db)) {
            assertThat(ResidentIds.valid(row.aggregate().toUpperCase())).as("aggregate id at " + row.index()).isFalse();
            JsonNode payload = JSON.readTree(row.payload());
            if (payload.path("profile").has("idNumber")) {
                assertThat(ResidentIds.valid(payload.path("profile").path("idNumber").asText())).isTrue();
                ((ObjectNode) payload.path("profile")).remove("idNumber");
                profiles++;
            }
            for (String text : Arrays.asList(payload.toString(), row.metaData())) {
                if (text == null) {
                    continue;
                }
                Matcher m = RekeyPractitionersCommand.ID_NUMBER.matcher(text);
                while (m.find()) {
                    assertThat(ResidentIds.valid(m.group().toUpperCase())).as("an ID number at global index " + row.index()).isFalse();
                }
            }
        }
        return profiles;
    }
}
