package org.celedger.app.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
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

    public LedgerWriter(CommandGateway commands) {
        this.commands = commands;
    }

    public WriteOutcome write(ApiKey caller, Object command) {
        return send(caller, command);
    }

    /** Sends any command and answers its result (a roster's rows, a drawn sample), retrying lost races. */
    public <R> R send(ApiKey caller, Object command) {
        authorize(caller, command);
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (!isConcurrencyConflict(e) || attempt == ATTEMPTS) {
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

    private static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
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
