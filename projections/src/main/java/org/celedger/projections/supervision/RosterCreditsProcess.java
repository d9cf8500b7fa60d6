package org.celedger.projections.supervision;

import static org.celedger.projections.TransientFailures.causedBy;
import static org.celedger.projections.TransientFailures.isTransient;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.celedger.domain.DomainRejection;
import org.celedger.domain.base.RosterCredits;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.base.SessionFalsified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process manager between training bases and practitioners (RULES.md §8): every roster row
 * becomes a {@code CreditAwarded} with {@code awardId = sessionId/practitionerId}, and a session
 * found falsified has every credit it produced revoked with the inspection as cause.
 *
 * <p>It keeps no state: the commands it sends are idempotent by their ids, so running it again over
 * the same events (a re-delivery, a replay) records nothing twice. A command the practitioner refuses
 * is logged and skipped rather than stopping every other roster behind it.
 */
@ProcessingGroup(RosterCreditsProcess.PROCESSOR)
public class RosterCreditsProcess {

    public static final String PROCESSOR = "roster-credits";
    private static final Logger log = LoggerFactory.getLogger(RosterCreditsProcess.class);
    private static final int ATTEMPTS = 8;

    private final CommandGateway commands;

    public RosterCreditsProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    public void on(RosterSubmitted event) {
        // The base that reports the hours is the authority that certifies them (核定单位) in the ledger.
        sendAll(RosterCredits.awardsFor(event, "training base " + event.baseId()));
    }

    @EventHandler
    public void on(SessionFalsified event) {
        sendAll(RosterCredits.revocationsFor(event));
    }

    private void sendAll(List<?> batch) {
        for (Object command : batch) {
            send(command);
        }
    }

    private void send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                return;
            } catch (RuntimeException e) {
                if (isTransient(e) && attempt < ATTEMPTS) {
                    continue;
                }
                if (causedBy(e, DomainRejection.class) || causedBy(e, AggregateNotFoundException.class)) {
                    log.warn("{} refused: {}", command, e.getMessage());
                    return;
                }
                throw e;
            }
        }
    }
}
