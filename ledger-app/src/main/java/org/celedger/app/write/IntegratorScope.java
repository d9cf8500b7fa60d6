package org.celedger.app.write;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.celedger.app.audit.Actor;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.Role;
import org.celedger.app.web.ApiException;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.ReassignCreditCommand;
import org.celedger.domain.practitioner.RevokeCreditCommand;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What an integrator may do to credits already recorded: revoke or reassign only those of its own bases, or
 * those its own key recorded. (Supervisors and administrators act on any credit.) The award is looked up in
 * the event store, with its base and the actor that recorded it; revocations are rare, so one read of the
 * practitioner's stream is cheap. An award recorded before actors were kept is judged by its base alone.
 */
@Component
public class IntegratorScope {

    private final EventStore events;

    public IntegratorScope(EventStore events) {
        this.events = events;
    }

    void authorize(ApiKey caller, Object command) {
        if (caller.has(Role.SUPERVISOR) || !caller.roles().contains(Role.INTEGRATOR)) {
            return;
        }
        String practitionerId;
        String awardId;
        if (command instanceof RevokeCreditCommand revoke) {
            practitionerId = revoke.practitionerId();
            awardId = revoke.awardId();
        } else if (command instanceof ReassignCreditCommand reassign) {
            practitionerId = reassign.practitionerId();
            awardId = reassign.awardId();
        } else {
            return;
        }
        if (practitionerId == null || awardId == null) {
            return; // refused by the practitioner, naming the field
        }
        award(practitionerId, awardId).ifPresent(award -> {
            CreditAwarded credit = (CreditAwarded) award.getPayload();
            boolean ownBase = credit.baseId() != null && caller.baseIds().contains(credit.baseId());
            boolean ownRecord = caller.id().equals(Actor.of(award.getMetaData()).keyId());
            if (!ownBase && !ownRecord) {
                throw new ApiException(HttpStatus.FORBIDDEN, "Not allowed for this credit", "awardId",
                        "This API key may revoke or reassign only credits of its own bases or credits it recorded; "
                                + "award " + awardId + " is neither.");
            }
        });
    }

    private Optional<DomainEventMessage<?>> award(String practitionerId, String awardId) {
        return events.readEvents(practitionerId).asStream()
                .filter(m -> m.getPayload() instanceof CreditAwarded c && c.awardId().equals(awardId))
                .<DomainEventMessage<?>>map(m -> m)
                .findFirst();
    }
}
