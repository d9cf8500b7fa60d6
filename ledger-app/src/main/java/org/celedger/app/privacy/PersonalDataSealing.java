package org.celedger.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.practitioner.PersonalDataErased;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a store written before personal data was sealed in line, once, at start, before anything reads it:
 * every plain name, resident ID number and birth date in a stored event is sealed in place (the stored JSON
 * changes representation, never content: read back it is the same event), and every registered ID number
 * enters the index. Events are visited in order from where the last start stopped
 * ({@code personal_data_sealing}), in transactions of a page each; a start interrupted midway goes on where it
 * stopped, and a field already sealed is left as it is. A practitioner whose personal data was erased stays so.
 */
public class PersonalDataSealing {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataSealing.class);
    private static final int PAGE = 1_000;
    private static final List<String> TYPES = List.of(PractitionerRegistered.class.getName(),
            PractitionerProfileCorrected.class.getName(), RosterSubmitted.class.getName(),
            PersonalDataErased.class.getName());

    private record Row(long globalIndex, String type, byte[] payload) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PersonalDataSerializer serializer;
    private final IdNumberIndex index;
    private final ObjectMapper mapper;

    public PersonalDataSealing(DataSource dataSource, TransactionTemplate transactions,
                               PersonalDataSerializer serializer, IdNumberIndex index, ObjectMapper mapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
        this.serializer = serializer;
        this.index = index;
        this.mapper = mapper;
        jdbc.execute("CREATE TABLE IF NOT EXISTS personal_data_sealing (sealed_through BIGINT NOT NULL)");
    }

    /** Seals and indexes every event stored after the last start's; answers how many events it sealed. */
    public long run() {
        Long through = jdbc.queryForList("SELECT sealed_through FROM personal_data_sealing", Long.class)
                .stream().findFirst().orElse(null);
        if (through == null) {
            jdbc.update("INSERT INTO personal_data_sealing (sealed_through) VALUES (-1)");
            through = -1L;
        }
        Set<String> indexed = new HashSet<>(index.indexedPractitioners());
        long sealed = 0;
        long visited = 0;
        while (true) {
            long from = through;
            List<Row> page = jdbc.query("SELECT globalIndex, payloadType, payload FROM DomainEventEntry"
                            + " WHERE globalIndex > ? AND payloadType IN (?, ?, ?, ?) ORDER BY globalIndex"
                            + " FETCH FIRST " + PAGE + " ROWS ONLY",
                    (r, n) -> new Row(r.getLong(1), r.getString(2), r.getBytes(3)),
                    from, TYPES.get(0), TYPES.get(1), TYPES.get(2), TYPES.get(3));
            if (page.isEmpty()) {
                break;
            }
            long last = page.get(page.size() - 1).globalIndex();
            Long count = transactions.execute(status -> {
                long n = 0;
                for (Row row : page) {
                    n += visit(row, indexed) ? 1 : 0;
                }
                jdbc.update("UPDATE personal_data_sealing SET sealed_through = ?", last);
                return n;
            });
            sealed += count == null ? 0 : count;
            visited += page.size();
            through = last;
        }
        if (sealed > 0) {
            log.info("Personal data: sealed {} stored events written before it was sealed ({} visited)", sealed, visited);
        }
        return sealed;
    }

    /** Seals one event's plain fields and indexes its ID number; true if it had a plain field. */
    private boolean visit(Row row, Set<String> indexed) {
        ObjectNode payload = read(row.payload());
        String practitionerId = payload.path("practitionerId").asText(null);
        if (row.type().equals(PersonalDataErased.class.getName())) {
            index.forget(practitionerId);
            indexed.remove(practitionerId);
            return false;
        }
        boolean sealed = serializer.seal(row.type(), payload);
        if (sealed) {
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", bytes(payload), row.globalIndex());
        }
        String field = row.type().equals(PractitionerRegistered.class.getName()) ? "profile"
                : row.type().equals(PractitionerProfileCorrected.class.getName()) ? "changes" : null;
        if (field != null && payload.path(field).hasNonNull("idNumber")
                && (!indexed.contains(practitionerId) || field.equals("changes"))) {
            ObjectNode opened = payload.deepCopy();
            serializer.open(row.type(), opened);
            JsonNode number = opened.path(field).path("idNumber");
            if (number.isTextual()) {
                try {
                    index.record(practitionerId, number.asText(), field);
                    indexed.add(practitionerId);
                } catch (org.celedger.domain.IdConflictException twice) {
                    // Written before numbers were unique: the first registration keeps it; nothing prints the number.
                    log.warn("Personal data: practitioner {} holds a resident ID number already registered to"
                            + " another practitioner; the lookup finds the other",
                            org.celedger.domain.practitioner.ResidentIdNumber.maskedIn(practitionerId));
                }
            }
        }
        return sealed;
    }

    private ObjectNode read(byte[] payload) {
        try {
            return (ObjectNode) mapper.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event's payload is no JSON object", e);
        }
    }

    private byte[] bytes(ObjectNode payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
