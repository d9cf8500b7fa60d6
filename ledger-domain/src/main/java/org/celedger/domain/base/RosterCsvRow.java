package org.celedger.domain.base;

/**
 * One data row of a roster CSV: either the {@link RosterEntry} it holds, or why it holds none.
 *
 * @param rowNumber the row as a spreadsheet numbers it: the header is row 1, the first data row row 2
 * @param entry     the row's entry (hours at scale 1), or null when the row is invalid
 * @param field     for an invalid row, the offending field ({@code practitionerId}, {@code name}, {@code hours},
 *                  {@code category}, or {@code row} for a wrong number of columns), else null
 * @param message   for an invalid row, a human sentence naming the column, else null
 */
public record RosterCsvRow(int rowNumber, RosterEntry entry, String field, String message) {

    public boolean valid() {
        return entry != null;
    }

    static RosterCsvRow of(int rowNumber, RosterEntry entry) {
        return new RosterCsvRow(rowNumber, entry, null, null);
    }

    static RosterCsvRow invalid(int rowNumber, String field, String message) {
        return new RosterCsvRow(rowNumber, null, field, message);
    }
}
