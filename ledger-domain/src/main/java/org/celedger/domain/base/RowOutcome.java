package org.celedger.domain.base;

/**
 * What became of the roster row at {@code index} (0-based, in the command's order).
 *
 * @param field   the offending field of the row ({@code practitionerId}, {@code hours}, {@code category},
 *                {@code name}) for INVALID and CONFLICT, else null
 * @param message a human sentence for INVALID and CONFLICT, else null
 */
public record RowOutcome(int index, String practitionerId, RowStatus status, String field, String message) {

    static RowOutcome accepted(int index, String practitionerId) {
        return new RowOutcome(index, practitionerId, RowStatus.ACCEPTED, null, null);
    }

    static RowOutcome duplicate(int index, String practitionerId) {
        return new RowOutcome(index, practitionerId, RowStatus.DUPLICATE, null, null);
    }

    static RowOutcome conflict(int index, String practitionerId, String field, String message) {
        return new RowOutcome(index, practitionerId, RowStatus.CONFLICT, field, message);
    }

    static RowOutcome invalid(int index, String practitionerId, String field, String message) {
        return new RowOutcome(index, practitionerId, RowStatus.INVALID, field, message);
    }
}
