package org.celedger.app.read;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSets;
import org.celedger.projections.history.FactCodec;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.history.ViewUpdater;
import org.springframework.stereotype.Component;

/**
 * Where a read finds a practitioner's facts: the read model by default; the event store itself
 * for {@code knownAt} (only the events recorded up to that instant) and for a practitioner the
 * projection has not reached yet.
 */
@Component
public class PractitionerFacts {

    private final PractitionerViewStore views;
    private final FactCodec codec;
    private final EventStore events;
    private final ViewUpdater updater;

    public PractitionerFacts(PractitionerViewStore views, FactCodec codec, EventStore events, ViewUpdater updater) {
        this.views = views;
        this.codec = codec;
        this.events = events;
        this.updater = updater;
    }

    public List<RecordedFact> current(String practitionerId) {
        return views.findFacts(practitionerId).map(codec::decodeAll)
                .orElseGet(() -> knownAt(practitionerId, null));
    }

    /** The facts recorded up to {@code instant} (all of them when null), straight from the event store. */
    public List<RecordedFact> knownAt(String practitionerId, Instant instant) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(practitionerId).asStream().toList();
        if (stream.isEmpty()) {
            throw new AggregateNotFoundException(practitionerId, "no practitioner " + practitionerId);
        }
        return stream.stream()
                .filter(m -> instant == null || !m.getTimestamp().isAfter(instant))
                .filter(m -> m.getPayload() instanceof PractitionerEvent)
                .map(m -> new RecordedFact(m.getSequenceNumber(), m.getTimestamp(), (PractitionerEvent) m.getPayload()))
                .toList();
    }

    /** The rule sets the active read model was derived with. */
    public RuleSets ruleSets() {
        return updater.ruleSets(views.activeForReads());
    }
}
