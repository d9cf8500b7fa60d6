package org.celedger.app.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises a unique-key violation by its SQLState, 23505 in H2 and PostgreSQL alike, wherever it
 * sits among the causes (PostgreSQL reports it inside a BatchUpdateException's next exceptions).
 * Axon then raises a ConcurrencyException, which the ledger retries on fresh state, instead of an
 * error: two nodes appending to one practitioner at once is a lost race, not a failure.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
