package org.celedger.projections.supervision;

import static org.celedger.projections.TransientFailures.causedBy;
import static org.celedger.projections.TransientFailures.isTransient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.celedger.domain.DomainRejection;
import org.celedger.domain.FactChecks;
import org.celedger.domain.base.RecordRosterCreditRefusalCommand;
import org.celedger.domain.base.RosterCredits;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.base.SessionFalsified;
import org.celedger.domain.practitioner.AwardCreditCommand;
import org.celedger.domain.practitioner.RevokeCreditCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process manager between training bases and practitioners (RULES.md §8): every roster row
 * becomes a {@code CreditAwarded} with {@code awardId = sessionId/practitionerId}, and a session
 * found falsified has every credit it produced revoked with the inspection as cause.
 *
 * <p>It keeps no state: the commands it sends are idempotent by their ids, so running it again over
 * the same events (a re-delivery, a replay) records nothing twice. A command the practitioner refuses
 * is not retried and does not stop every other roster behind it: a refused award is recorded on the base as
 * {@code RosterCreditRefused}, so the roster row says so; a revocation with nothing to revoke is logged.
 */
@ProcessingGroup(RosterCreditsProcess.PROCESSOR)
public class RosterCreditsProcess {

    public static final String PROCESSOR = "roster-credits";
    /** The metadata that names who recorded a fact (ledger-app's {@code Actor}). */
    static final String ACTOR = "actor.";
    private static final Logger log = LoggerFactory.getLogger(RosterCreditsProcess.class);
    private static final int ATTEMPTS = 8;
    /** The longest reason a fact holds. */
    private static final int MAX_REASON = FactChecks.MAX_REASON;

    private final CommandGateway commands;
    /**
     * Where the commands run: a thread with no unit of work. Sent from the handler's own thread they would
     * nest in the processor's unit of work, and their events would be appended only when it commits, after
     * it has stored its token in the token store: a reader that waited for the token (a roster's answer)
     * could miss them, and a crash between the two would lose them. On a thread of their own each commits
     * before the handler returns, so the token moves only past credits already recorded.
     */
    private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-credits-commands");
        t.setDaemon(true);
        return t;
    });

    public RosterCreditsProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    public void on(RosterSubmitted event, MetaData metaData) {
        // The base that reports the hours is the authority that certifies them (核定单位) in the ledger.
        sendAll(RosterCredits.awardsFor(event, "training base " + event.baseId()), metaData);
    }

    @EventHandler
    public void on(SessionFalsified event, MetaData metaData) {
        sendAll(RosterCredits.revocationsFor(event), metaData);
    }

    /** Convenience for tests and replays without metadata. */
    public void on(RosterSubmitted event) {
        on(event, MetaData.emptyInstance());
    }

    public void on(SessionFalsified event) {
        on(event, MetaData.emptyInstance());
    }

    /**
     * Sends each command on behalf of whoever recorded the event (its {@code actor.*} metadata, which the
     * facts it causes keep), noting that this process wrote them.
     */
    private void sendAll(List<?> batch, MetaData cause) {
        Map<String, Object> actor = new HashMap<>();
        cause.forEach((key, value) -> {
            if (key.startsWith(ACTOR)) {
                actor.put(key, value);
            }
        });
        actor.put(ACTOR + "via", PROCESSOR);
        for (Object command : batch) {
            Optional<String> refused = send(GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
            if (refused.isEmpty()) {
                continue;
            }
            if (command instanceof AwardCreditCommand award) {
                // An ACCEPTED row that is not credited must say so where the base reads its roster.
                Optional<String> unrecorded = send(GenericCommandMessage.asCommandMessage(
                        new RecordRosterCreditRefusalCommand(award.baseId(), award.sessionId(), award.practitionerId(),
                                refused.get())).andMetaData(actor));
                if (unrecorded.isPresent()) {
                    throw new IllegalStateException("a refused roster credit of session " + award.sessionId()
                            + " of base " + award.baseId() + " could not be recorded: " + unrecorded.get());
                }
            } else {
                // A revocation of a credit that was never awarded (its refusal is on the roster) or already
                // revoked: nothing is left to take back. No practitioner id here: it may be personal data.
                log.info("a revocation by inspection {} found no credit to revoke for one practitioner",
                        ((RevokeCreditCommand) command).causeReference());
            }
        }
    }

    private void sendOnItsOwn(CommandMessage<?> command) {
        try {
            committer.submit(() -> commands.sendAndWait(command)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording " + command, e);
        }
    }

    /**
     * Sends one command, retrying transient failures; answers why the practitioner refused it, or empty when
     * it is recorded (or was already).
     */
    private Optional<String> send(CommandMessage<?> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                sendOnItsOwn(command);
                return Optional.empty();
            } catch (RuntimeException e) {
                if (isTransient(e) && attempt < ATTEMPTS) {
                    continue;
                }
                if (causedBy(e, DomainRejection.class) || causedBy(e, AggregateNotFoundException.class)) {
                    return Optional.of(reasonOf(e));
                }
                throw e;
            }
        }
    }

    /** The refusal's own sentence, bounded to what a recorded reason may hold. */
    private static String reasonOf(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof DomainRejection)) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
