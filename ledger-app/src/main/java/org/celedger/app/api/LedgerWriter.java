package org.celedger.app.api;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.celedger.app.store.AggregateConfiguration.AggregateCaches;
import org.celedger.app.store.LedgerProperties;
import org.celedger.domain.DomainRejection;
import org.axonframework.modelling.command.ConcurrencyException;
import org.celedger.app.security.ApiKey;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.practitioner.AwardCreditCommand;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends a write to its aggregate and answers what it did. The command is acknowledged only after
 * its events are committed to the event store, so an acknowledged write survives a crash.
 *
 * <p>Two nodes writing to one practitioner at once meet in the event store's unique
 * (aggregate, sequence) key; the loser gets a {@link ConcurrencyException} and is retried here on
 * the fresh state, which is safe because every write is idempotent by its fact id.
 */
@Component
public class LedgerWriter {

    private static final int ATTEMPTS = 8;

    private final CommandGateway commands;
    private final AggregateCaches caches;
    /** Whether other nodes write to the same event store, so that this node's cached aggregates may be behind. */
    private final boolean sharedEventStore;
    private final AnnotationCommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public LedgerWriter(CommandGateway commands, AggregateCaches caches, LedgerProperties properties) {
        this.commands = commands;
        this.caches = caches;
        this.sharedEventStore = !properties.eventStore().embedded();
    }

    public boolean sharedEventStore() {
        return sharedEventStore;
    }

    public WriteOutcome write(ApiKey caller, Object command) {
        return send(caller, command);
    }

    /** Sends any command and answers its result (a roster's rows, a drawn sample), retrying lost races. */
    public <R> R send(ApiKey caller, Object command) {
        authorize(caller, command);
        boolean revalidated = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (sharedEventStore && !revalidated && causedBy(e, DomainRejection.class)) {
                    // Another node may have recorded what this node's cached aggregate lacks (an award
                    // revoked here but written there). What a command accepts is checked by the event
                    // store's sequence key; what it refuses is checked once more on fresh state.
                    revalidated = true;
                    caches.evict(targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier());
                    continue;
                }
                if (!(causedBy(e, ConcurrencyException.class) || lockTimedOut(e)) || attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /** API.md: an integrator key is limited to the bases it names, where the write names a base. */
    private static void authorize(ApiKey caller, Object command) {
        if (command instanceof AwardCreditCommand award && !caller.mayWriteFor(award.baseId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Not allowed for this base", "baseId",
                    "This API key may not write for base " + award.baseId() + ".");
        }
    }

    /**
     * The database gave up waiting for a lock (H2 HYT00, PostgreSQL 55P03) or broke a deadlock (40P01):
     * nothing was written, and the same write can succeed a moment later (seen under heavy load in the
     * 100,000-practitioner benchmark).
     */
    private static boolean lockTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && java.util.Set.of("HYT00", "55P03", "40P01", "40001").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 5 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }
}
