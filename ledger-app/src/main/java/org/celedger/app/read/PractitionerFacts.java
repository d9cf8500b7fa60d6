package org.celedger.app.read;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.celedger.app.audit.Actor;
import org.celedger.app.consistency.StreamHeads;
import org.celedger.app.consistency.StreamMemo;
import org.celedger.app.consistency.StreamPosition;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.projections.history.FactCodec;
import org.celedger.projections.history.PractitionerViewStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a read finds a practitioner's facts, consistent with every write acknowledged before the read
 * began, on any node: the read first asks the event store for the practitioner's last stored sequence,
 * then takes the facts from the read model if it has reached that sequence, and from the event store
 * itself if not (the view is a cache of the stream, never an excuse for a stale answer). {@code knownAt}
 * reads only the event store: the events recorded up to that instant.
 */
@Component
public class PractitionerFacts {

    private final PractitionerViewStore views;
    private final FactCodec codec;
    private final EventStore events;
    private final StreamHeads positions;
    private final Counter viewBehind;
    /**
     * The facts each practitioner's view last gave this node, as the view stores them (one compact array), by the
     * sequence the view had reached: a decision, the years and the practitioner page read the same facts until the
     * next write, and reading them from the view (a MongoDB round trip) was a third of a decision's time
     * (ops/README.md, issue 13). Encoded, not decoded: a practitioner's decoded facts are hundreds of small objects,
     * and G1 copied every one of those the reads had just kept in its next young pause (80-130 ms at 20,000
     * practitioners, against 20-35 ms without them; ops/README.md, issue 13, third stop). Filled by the reads and by
     * the view's own writes on this node ({@link PractitionerViewStore#whenFactsStored}), so that the first read after a
     * write, or of a practitioner not read since the start, finds them without a round trip to the view. (Only seeding
     * them, never replacing them at a write, was tried: no more decisions, and a copy from before an erasure could stay
     * here until the practitioner's next read; ops/README.md, issue 13, fourth stop.)
     */
    private final StreamMemo<byte[]> stored;

    public PractitionerFacts(PractitionerViewStore views, FactCodec codec, EventStore events,
                             StreamHeads positions, MeterRegistry metrics,
                             @Value("${ledger.reads.memo-practitioners:200000}") int memoPractitioners) {
        this.stored = new StreamMemo<>(memoPractitioners);
        this.views = views;
        this.codec = codec;
        this.events = events;
        this.positions = positions;
        this.viewBehind = Counter.builder("ledger.reads.view.behind")
                .description("reads of one practitioner answered from the event store because the view lagged")
                .register(metrics);
        // What the projection stores is what a read would fetch from the view next. After an erasure a lagging
        // projection may store facts from before it once more; they are replaced as soon as it stores the erasure,
        // and no read uses them meanwhile, since they end before the practitioner's head.
        views.whenFactsStored((id, facts) -> stored.put(id, facts.lastSequence(), facts.encoded()));
    }

    /** A practitioner's facts up to {@code upTo}, the last event stored when the read began. */
    public record Reflected(List<RecordedFact> facts, StreamPosition upTo) {
    }

    /** Every fact recorded before the read began: from the view when it has them all, else from the event store. */
    public Reflected current(String practitionerId) {
        StreamPosition head = head(practitionerId);
        // A value kept or read through a later sequence than the head (a write since the read began) holds every fact
        // up to the head, since events never change; only those are decoded, and the answer states the head exactly.
        StreamMemo.Memo<byte[]> known = stored.get(practitionerId);
        if (known != null && known.through() >= head.sequence()) {
            return new Reflected(codec.decodeThrough(known.value(), head.sequence()), head);
        }
        var view = views.findFacts(practitionerId);
        if (view.isPresent() && view.get().lastSequence() >= head.sequence()) {
            stored.put(practitionerId, view.get().lastSequence(), view.get().encoded());
            return new Reflected(codec.decodeThrough(view.get().encoded(), head.sequence()), head);
        }
        viewBehind.increment();
        return new Reflected(upTo(practitionerId, head), head);
    }

    /** Forgets what this node decoded of a practitioner whose personal data is erased: no plain copy stays here. */
    public void forget(String practitionerId) {
        stored.forget(practitionerId);
    }

    /** Every fact recorded before the read began, straight from the event store (profile, certifications). */
    public Reflected recorded(String practitionerId) {
        StreamPosition head = head(practitionerId);
        return new Reflected(upTo(practitionerId, head), head);
    }

    /** A fact with who recorded it. */
    public record Attributed(RecordedFact fact, Actor actor) {
    }

    /** A practitioner's history: its facts with their actors, up to {@code upTo}. */
    public record History(List<Attributed> facts, StreamPosition upTo) {
    }

    /** Every fact recorded before the read began, each with its actor, straight from the event store. */
    public History history(String practitionerId) {
        StreamPosition head = head(practitionerId);
        List<Attributed> facts = stream(practitionerId).stream()
                .filter(m -> m.getSequenceNumber() <= head.sequence())
                .map(m -> new Attributed(fact(m), Actor.of(m.getMetaData())))
                .toList();
        return new History(facts, head);
    }

    /** The facts recorded up to {@code instant}, straight from the event store. */
    public List<RecordedFact> knownAt(String practitionerId, Instant instant) {
        return stream(practitionerId).stream().filter(m -> !m.getTimestamp().isAfter(instant))
                .map(PractitionerFacts::fact).toList();
    }

    private StreamPosition head(String practitionerId) {
        return positions.lastOf(practitionerId).orElseThrow(() -> unknown(practitionerId));
    }

    private List<RecordedFact> upTo(String practitionerId, StreamPosition head) {
        return stream(practitionerId).stream().filter(m -> m.getSequenceNumber() <= head.sequence())
                .map(PractitionerFacts::fact).toList();
    }

    /** The practitioner's events as stored, in order; unknown when there are none. */
    private List<? extends DomainEventMessage<?>> stream(String practitionerId) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(practitionerId).asStream()
                .filter(m -> m.getPayload() instanceof PractitionerEvent).toList();
        if (stream.isEmpty()) {
            throw unknown(practitionerId);
        }
        return stream;
    }

    private static RecordedFact fact(DomainEventMessage<?> m) {
        return new RecordedFact(m.getSequenceNumber(), m.getTimestamp(), (PractitionerEvent) m.getPayload());
    }

    private static AggregateNotFoundException unknown(String practitionerId) {
        return new AggregateNotFoundException(practitionerId, "no practitioner " + practitionerId);
    }
}
