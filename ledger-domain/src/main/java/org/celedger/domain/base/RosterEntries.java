package org.celedger.domain.base;

import static org.celedger.domain.FactChecks.*;

import org.celedger.domain.InvalidFactException;

/**
 * The checks of one roster row, shared by the aggregate and {@link RosterCsv} so that a row is refused
 * in the same words whichever way it came.
 */
final class RosterEntries {

    private RosterEntries() {
    }

    /**
     * The row with its hours at scale 1, or an {@link InvalidFactException} naming the offending field:
     * a well-formed practitioner id, positive hours with one decimal at most 1,000 (the bound of one award),
     * a category.
     */
    static RosterEntry checked(RosterEntry entry) {
        present("entry", entry);
        return new RosterEntry(id("practitionerId", entry.practitionerId()), optionalText("name", entry.name()),
                oneDecimal("hours", entry.hours(), true, MAX_HOURS), present("category", entry.category()));
    }
}
