package org.celedger.app.write;

import static org.celedger.projections.TransientFailures.causedBy;
import static org.celedger.projections.TransientFailures.isTransient;

import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.celedger.app.audit.Actor;
import org.celedger.app.audit.RequestIds;
import org.celedger.app.axon.AggregateConfiguration.AggregateCaches;
import org.celedger.app.axon.CachedCommandTargetResolver;
import org.celedger.app.config.LedgerProperties;
import org.celedger.app.consistency.StreamHeads;
import org.celedger.app.consistency.StreamPosition;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.Role;
import org.celedger.app.web.ApiException;
import org.celedger.domain.DomainRejection;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.base.ConfirmSessionCommand;
import org.celedger.domain.base.RosterCredits;
import org.celedger.domain.practitioner.AwardCreditCommand;
import org.celedger.domain.practitioner.CorrectProfileCommand;
import org.celedger.domain.practitioner.ErasePersonalDataCommand;
import org.celedger.domain.practitioner.ResidentIdNumber;
import org.celedger.domain.practitioner.GrantExemptionCommand;
import org.celedger.domain.practitioner.ReassignCreditCommand;
import org.celedger.domain.practitioner.RecordConversionCommand;
import org.celedger.domain.practitioner.RegisterPractitionerCommand;
import org.celedger.domain.practitioner.RegistrarScope;
import org.celedger.domain.practitioner.RevokeConversionCommand;
import org.celedger.domain.practitioner.RevokeCreditCommand;
import org.celedger.domain.practitioner.RevokeExemptionCommand;
import org.celedger.domain.practitioner.TransferPractitionerCommand;
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

    /**
     * The writes of a registrar (an HR office, API.md "Access"): who a practitioner is, where, and what exempts them.
     * A training base's key may not make them (a birth date drives the age reliefs).
     */
    static final Set<Class<?>> REGISTRAR_WRITES = Set.of(CorrectProfileCommand.class, GrantExemptionCommand.class,
            RevokeExemptionCommand.class, TransferPractitionerCommand.class);
    /** The writes of an integrator: hours and conversions. */
    static final Set<Class<?>> INTEGRATOR_WRITES = Set.of(AwardCreditCommand.class, ReassignCreditCommand.class,
            RecordConversionCommand.class, RevokeConversionCommand.class);

    private final CommandGateway commands;
    private final AggregateCaches caches;
    /** Whether other nodes write to the same event store, so that this node's cached aggregates may be behind. */
    private final boolean sharedEventStore;

    private final StreamHeads positions;
    private final IntegratorScope scope;

    public LedgerWriter(CommandGateway commands, AggregateCaches caches, LedgerProperties properties,
                        StreamHeads positions, IntegratorScope scope) {
        this.positions = positions;
        this.scope = scope;
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

    /** A write of a request served on another thread (a batch's lanes), which names the request's id itself. */
    public WriteOutcome write(ApiKey caller, String requestId, Object command) {
        return send(caller, requestId, command);
    }

    /** What a write did, and where its aggregate's stream stands once it is committed. */
    public record Recorded(WriteOutcome outcome, StreamPosition position) {
    }

    /**
     * Writes on its own (committed before this returns) and answers the aggregate's last stored event: the
     * fact just appended, or for a DUPLICATE the stream as it stands, which holds the fact recorded earlier.
     * A read that waits for this position, or reads the aggregate after it, includes the write.
     */
    public Recorded record(ApiKey caller, Object command) {
        WriteOutcome outcome = send(caller, command);
        return new Recorded(outcome, positions.lastOf(aggregateOf(command)).orElseThrow());
    }

    /** The aggregate a command is addressed to. */
    public static String aggregateOf(Object command) {
        return CachedCommandTargetResolver.INSTANCE.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier();
    }

    /** Sends any command and answers its result (a roster's rows, a drawn sample), retrying lost races. */
    public <R> R send(ApiKey caller, Object command) {
        return send(caller, RequestIds.current(), command);
    }

    /**
     * Sends a command with its actor (the caller's key and the request) as metadata, which every event it
     * causes keeps: every fact says who recorded it.
     */
    private <R> R send(ApiKey caller, String requestId, Object command) {
        authorize(caller, requestId, command);
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Actor.of(caller, requestId).asMetaData());
        if (scoped(caller, command)) {
            message = message.andMetaData(Map.of(RegistrarScope.METADATA, caller.registrarScope()));
        }
        boolean revalidated = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(message);
            } catch (RuntimeException e) {
                if (sharedEventStore && !revalidated && causedBy(e, DomainRejection.class)) {
                    // Another node may have recorded what this node's cached aggregate lacks (an award
                    // revoked here but written there). What a command accepts is checked by the event
                    // store's sequence key; what it refuses is checked once more on fresh state.
                    revalidated = true;
                    caches.evict(aggregateOf(command));
                    continue;
                }
                if (!isTransient(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * A registrar's write is judged against its scope by the practitioner (where no other write can slip in
     * between), so it carries the scope; an ADMIN key is not limited, and a registration by a key that is also an
     * integrator's neither (integrators register anyone).
     */
    private static boolean scoped(ApiKey caller, Object command) {
        if (caller.roles().contains(Role.ADMIN)) {
            return false;
        }
        return REGISTRAR_WRITES.contains(command.getClass())
                || (command instanceof RegisterPractitionerCommand && !caller.has(Role.INTEGRATOR));
    }

    /**
     * Which role makes which practitioner write (API.md "Access"): checked here for single writes and batch items
     * alike, since a batch takes items of every kind.
     */
    private static void authorizeRole(ApiKey caller, Object command) {
        boolean allowed;
        if (REGISTRAR_WRITES.contains(command.getClass())) {
            allowed = caller.has(Role.REGISTRAR);
        } else if (INTEGRATOR_WRITES.contains(command.getClass())) {
            allowed = caller.has(Role.INTEGRATOR);
        } else if (command instanceof RevokeCreditCommand) {
            allowed = caller.has(Role.INTEGRATOR) || caller.has(Role.SUPERVISOR);
        } else if (command instanceof RegisterPractitionerCommand) {
            allowed = caller.has(Role.INTEGRATOR) || caller.has(Role.REGISTRAR);
        } else if (command instanceof ErasePersonalDataCommand) {
            allowed = caller.has(Role.ADMIN);
        } else {
            allowed = true;
        }
        if (!allowed) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Not allowed for this key", "authorization",
                    "The API key has no role that allows this write (" + command.getClass().getSimpleName()
                            .replace("Command", "") + "); API.md, \"Access\", says which role makes which.");
        }
    }

    /** API.md: an integrator key is limited to the bases it names, where the write names a base. */
    private void authorize(ApiKey caller, String requestId, Object command) {
        authorizeRole(caller, command);
        noIdNumberAsId(caller, command);
        scope.authorize(caller, command);
        if (command instanceof AwardCreditCommand award && award.awardId() != null
                && award.awardId().contains(RosterCredits.SEPARATOR) && (award.baseId() == null
                || award.sessionId() == null
                || !award.awardId().equals(RosterCredits.awardId(award.sessionId(), award.practitionerId())))) {
            // A roster's award id names its session and practitioner, and is written for that session's base only
            // (by its key, checked next): taken by anyone else before the roster arrived, the roster's row would be
            // answered ACCEPTED and its credit never awarded (the process finds the id used for another fact).
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Reserved award id", "awardId",
                    "An award id holding '/' is a roster's, sessionId/practitionerId, written only with the baseId and "
                            + "sessionId of that roster; name any other award without '/'.");
        }
        if (command instanceof AwardCreditCommand award && !caller.mayWriteFor(award.baseId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Not allowed for this base", "baseId",
                    "This API key may not write for base " + award.baseId() + ".");
        }
        if (command instanceof AwardCreditCommand award && award.sessionId() != null
                && !caller.roles().contains(Role.ADMIN)) {
            confirmOwnSession(caller, requestId, award);
        }
    }

    /**
     * A resident ID number is never a practitioner's id (API.md "Personal data"); stores written before may still
     * hold such ids until {@code ops rekey-practitioners} moves them. A key that may not look practitioners up
     * (an integrator, a supervisor) is refused any write naming one, before anything is looked up: whether the
     * number is registered or not, the answer is the same, so a write cannot be used to find out.
     */
    private static void noIdNumberAsId(ApiKey caller, Object command) {
        // Only a practitioner's stream can be named by a number: other streams' ids carry their kind (base/…).
        if (!caller.readsPractitioners() && ResidentIdNumber.isValid(ResidentIdNumber.normalised(aggregateOf(command)))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "A resident ID number is no practitioner id",
                    command instanceof RegisterPractitionerCommand ? "id" : "practitionerId",
                    "A practitioner id never is a resident ID number: give the number as the profile's idNumber, or"
                            + " name the practitioner by the id the ledger knows them by.");
        }
    }

    /**
     * A base's key names only its own sessions: the session must be one the named base filed or reported
     * (asked of the base itself, so a session just filed counts). ADMIN may record any credit, as it was
     * reported, for instance when importing a base's earlier records.
     */
    private void confirmOwnSession(ApiKey caller, String requestId, AwardCreditCommand award) {
        if (award.baseId() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Session without its base", "baseId",
                    "A credit naming session " + award.sessionId() + " names the base that held it.");
        }
        try {
            send(caller, requestId, new ConfirmSessionCommand(award.baseId(), award.sessionId()));
        } catch (AggregateNotFoundException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown base", "baseId",
                    "No training base " + award.baseId() + " is registered; a credit names a session of a registered base.");
        }
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
