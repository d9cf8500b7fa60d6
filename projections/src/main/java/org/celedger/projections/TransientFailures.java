package org.celedger.projections;

import java.sql.SQLException;
import java.util.Set;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Which failures of a command are worth sending it again for: nothing was written, and the same command
 * can succeed a moment later. Shared by every sender of commands (the HTTP writer, the roster-credits
 * process manager), so they retry alike.
 */
public final class TransientFailures {

    /** H2's lock timeout; PostgreSQL's lock not available, deadlock and serialization failure. */
    private static final Set<String> LOCK_STATES = Set.of("HYT00", "55P03", "40P01", "40001");

    private TransientFailures() {
    }

    /**
     * A lost race on an aggregate's sequence (another writer appended first), a lost race to create an
     * aggregate (another writer registered the same id first: every creation here is create-if-missing, so
     * the retry finds it and answers as for any repeated registration), or the database giving up on a lock
     * (seen under heavy load in the 100,000-practitioner benchmark).
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof SQLException sql && LOCK_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} or one of its causes is a {@code type}. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
