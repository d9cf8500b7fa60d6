package org.celedger.domain.base;

import java.util.List;

/** The answer to a {@link SubmitRosterCommand}: one outcome per entry, in the command's order. */
public record RosterResult(List<RowOutcome> rows) {

    public RosterResult {
        rows = List.copyOf(rows);
    }

    /** How many rows ended with {@code status}. */
    public long count(RowStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }
}
