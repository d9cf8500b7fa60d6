package org.celedger.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.projections.history.ReadSide.credit;
import static org.celedger.projections.history.ReadSide.profile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.projections.history.PractitionerView;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.history.ReadSide;
import org.celedger.projections.history.StoredFact;
import org.celedger.projections.history.ViewDerivation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rebuild read in windows of a few events, over streams that interleave across them: every document comes out as
 * derived from all its practitioner's facts at once, whatever the windows and whatever {@link StreamEnds} answers.
 */
class ProjectionRebuildTest {

    private final ReadSide readSide = new ReadSide();
    private final PractitionerViewStore store = readSide.store;
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, List<PractitionerEvent>> streams = new HashMap<>();

    @AfterEach
    void close() {
        events.shutDown();
        readSide.close();
    }

    /**
     * Three practitioners whose events interleave: p-1's last event comes last, p-3 has events only in the first
     * windows, p-2 one in the middle and one near the end.
     */
    private void record() {
        append("p-1", new PractitionerRegistered("p-1", profile("包头市", Gender.MALE, 1980)));
        append("p-2", new PractitionerRegistered("p-2", profile("乌海市", Gender.FEMALE, 1990)));
        append("p-3", new PractitionerRegistered("p-3", profile("赤峰市", Gender.MALE, 1975)));
        append("p-1", credit("p-1", "pub-2024", 2024, Category.PUBLIC, "30"));
        append("p-3", credit("p-3", "pub-2024", 2024, Category.PUBLIC, "30"));
        append("p-2", credit("p-2", "pub-2023", 2023, Category.PUBLIC, "30"));
        append("p-3", credit("p-3", "pro-2024", 2024, Category.PROFESSIONAL, "60"));
        append("p-1", credit("p-1", "pro-2024", 2024, Category.PROFESSIONAL, "60"));
        append("p-2", credit("p-2", "pro-2023", 2023, Category.PROFESSIONAL, "60"));
        append("p-1", credit("p-1", "pub-2023", 2023, Category.PUBLIC, "12"));
    }

    private void append(String id, PractitionerEvent event) {
        List<PractitionerEvent> stream = streams.computeIfAbsent(id, k -> new ArrayList<>());
        events.publish(new GenericDomainEventMessage<>("Practitioner", id, stream.size(), event));
        stream.add(event);
    }

    /** The last position at or before the head of each stream, read from the store as the ledger's SQL does. */
    private Map<String, Long> lastPositions(Collection<String> ids, long head) {
        Map<String, Long> last = new HashMap<>();
        try (var stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> m = stream.nextAvailable();
                long at = m.trackingToken().position().orElseThrow();
                if (at <= head && m instanceof DomainEventMessage<?> d && ids.contains(d.getAggregateIdentifier())) {
                    last.put(d.getAggregateIdentifier(), at);
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return last;
    }

    private RebuildStatus rebuild(StreamEnds ends, int window) throws InterruptedException {
        ProjectionRebuild rebuild = new ProjectionRebuild(events, ends, readSide.updater, readSide.codec,
                readSide.ruleSets, Clock.systemUTC(), window);
        rebuild.start();
        return rebuild.await(Duration.ofSeconds(30));
    }

    /** The document of {@code id} derived from all its facts at once, as the event store holds them. */
    private PractitionerView derivedAtOnce(String id, int generation) {
        List<StoredFact> facts = events.readEvents(id).asStream()
                .map(m -> readSide.codec.encode(m.getSequenceNumber(), m.getTimestamp(), (PractitionerEvent) m.getPayload()))
                .toList();
        assertThat(facts).hasSize(streams.get(id).size());
        return new ViewDerivation(readSide.codec, readSide.engine).derive(id, facts, readSide.ruleSets.of(generation),
                readSide.calendar.evaluationYear(), readSide.calendar.today());
    }

    private void assertEveryDocumentDerivedAtOnce(int generation) {
        assertThat(store.generations().active()).isEqualTo(generation);
        for (String id : List.of("p-1", "p-2", "p-3")) {
            PractitionerView view = store.find(id).orElseThrow();
            assertThat(ViewDerivation.isGathering(view)).as(id).isFalse();
            assertThat(view).as(id).isEqualTo(derivedAtOnce(id, generation));
        }
    }

    @Test
    void windowsOfTwoEventsGiveTheDocumentsOfAllTheFactsAtOnceAndAskWhereEachStreamEnds() throws Exception {
        record();
        AtomicInteger asked = new AtomicInteger();

        RebuildStatus done = rebuild((ids, head) -> {
            asked.incrementAndGet();
            return lastPositions(ids, head);
        }, 2);

        assertThat(done.state()).isEqualTo(RebuildStatus.State.COMPLETED);
        assertThat(done.eventsDone()).isEqualTo(10);
        assertThat(asked.get()).as("every window but the last").isEqualTo(4);
        assertEveryDocumentDerivedAtOnce(2);
        assertThat(readSide.updater.deriveGathered(2)).as("nothing left gathering").isZero();
    }

    /** A store that says every stream goes on (a late event below the head): the documents are derived at the end. */
    @Test
    void practitionersLeftGatheringByTheWindowsAreDerivedBeforeTheRebuildCompletes() throws Exception {
        record();

        RebuildStatus done = rebuild((ids, head) -> {
            Map<String, Long> beyond = new HashMap<>();
            ids.forEach(id -> beyond.put(id, head));
            return beyond;
        }, 3);

        assertThat(done.state()).isEqualTo(RebuildStatus.State.COMPLETED);
        assertEveryDocumentDerivedAtOnce(2);
    }

    /** A store that answers for no stream: every practitioner is derived in every window, as before. */
    @Test
    void practitionersTheStoreDoesNotAnswerForAreDerivedInEachWindow() throws Exception {
        record();

        RebuildStatus done = rebuild((ids, head) -> Map.of(), 2);

        assertThat(done.state()).isEqualTo(RebuildStatus.State.COMPLETED);
        assertEveryDocumentDerivedAtOnce(2);
    }
}
