package org.celedger.app.privacy;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.modelling.command.ConcurrencyException;
import org.celedger.domain.IdConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.celedger.domain.practitioner.ResidentIdNumber;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds a practitioner by resident ID number without storing the number: the table {@code id_number_index} holds
 * a keyed hash (HMAC-SHA-256 under {@link MasterKeys}) of each registered number beside the practitioner's id. A
 * number is registered to one practitioner only; the hash cannot be reversed by trying every number without the
 * key file.
 */
public class IdNumberIndex {

    private final JdbcTemplate jdbc;
    private final MasterKeys master;

    public IdNumberIndex(DataSource dataSource, MasterKeys master) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.master = master;
        jdbc.execute("CREATE TABLE IF NOT EXISTS id_number_index ("
                + " digest VARCHAR(64) PRIMARY KEY,"
                + " practitioner_id VARCHAR(255) NOT NULL)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS id_number_index_practitioner ON id_number_index (practitioner_id)");
    }

    /** The practitioner registered with {@code idNumber}, if any. */
    public Optional<String> practitionerOf(String idNumber) {
        String number = ResidentIdNumber.normalised(idNumber);
        if (!ResidentIdNumber.isValid(number)) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT practitioner_id FROM id_number_index WHERE digest = ?", String.class,
                master.index(number)).stream().findFirst();
    }

    /**
     * Records that {@code practitionerId} holds {@code idNumber} (replacing a number they held before), in the
     * caller's transaction. A number held by another practitioner refuses the write that names it, on {@code field}.
     */
    void record(String practitionerId, String idNumber, String field) {
        String digest = master.index(ResidentIdNumber.normalised(idNumber));
        List<String> holder = jdbc.queryForList("SELECT practitioner_id FROM id_number_index WHERE digest = ?",
                String.class, digest);
        if (!holder.isEmpty() && !holder.get(0).equals(practitionerId)) {
            throw new IdConflictException(field, "this resident ID number is registered to another"
                    + " practitioner; a number is registered once (find it with GET /api/v1/practitioners?idNumber=)");
        }
        if (holder.isEmpty()) {
            forget(practitionerId);
            try {
                jdbc.update("INSERT INTO id_number_index (digest, practitioner_id) VALUES (?, ?)", digest, practitionerId);
            } catch (DuplicateKeyException race) {
                // Another write recorded this number meanwhile (the same registration through another node, or
                // another practitioner's): retried, this write then finds it a repeat or is refused on field.
                throw new ConcurrencyException("another write recorded this resident ID number meanwhile");
            }
        }
    }

    /** Forgets the number {@code practitionerId} holds, in the caller's transaction. */
    void forget(String practitionerId) {
        jdbc.update("DELETE FROM id_number_index WHERE practitioner_id = ?", practitionerId);
    }

    /** The practitioners that hold a number: the sealing at start leaves them be. */
    List<String> indexedPractitioners() {
        return jdbc.queryForList("SELECT practitioner_id FROM id_number_index", String.class);
    }
}
