package org.celedger.app.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.celedger.app.consistency.StreamHeads;
import org.celedger.app.consistency.StreamPosition;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.projections.history.FactCodec;
import org.celedger.projections.history.PractitionerView;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.history.StoredFact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a read of one practitioner takes its facts from: the view when it has reached the read's head (and then the
 * node's memory of it, until a later head), the event store when the view lags; never a fact after the head.
 */
class PractitionerFactsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final PractitionerViewStore views;
    /** The same views as another node's projection writes them: this node's memory hears nothing of its writes. */
    private final PractitionerViewStore otherNode;
    private final FactCodec codec = new FactCodec(JSON);
    private final EventStore events = mock(EventStore.class);
    private final StreamHeads heads = mock(StreamHeads.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<PractitionerEvent> stream = new ArrayList<>();

    PractitionerFactsTest() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        views = new PractitionerViewStore(client.getDatabase("ledger"));
        otherNode = new PractitionerViewStore(client.getDatabase("ledger"));
        stream.add(new PractitionerRegistered("p-1", new PractitionerProfile("乌兰", Gender.FEMALE,
                LocalDate.of(1985, 6, 1), Jurisdiction.IM, "呼和浩特市", Sector.PUBLIC_INSTITUTION, false, "工程",
                TitleLevel.INTERMEDIATE, LocalDate.of(2015, 6, 1), Degree.BACHELOR)));
        for (int i = 1; i <= 4; i++) {
            stream.add(new CreditAwarded("p-1", "award-" + i, 2025, Category.PROFESSIONAL, Activity.ONLINE_PLATFORM,
                    new BigDecimal("10"), null, null, null, "平台", null, LocalDate.of(2025, 3, i)));
        }
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    private PractitionerFacts facts() {
        return new PractitionerFacts(views, codec, events, heads, metrics, 1_000);
    }

    /** The view of p-1 holding its events 0 through {@code last}. */
    private void viewThrough(int last) {
        viewThrough(last, false);
    }

    /** As {@link #viewThrough(int)}; {@code erased}: as an erasure of personal data rewrites it. */
    private void viewThrough(int last, boolean erased) {
        otherNode.save(otherNode.activeForReads(), List.of(write(last, erased)));
    }

    private PractitionerViewStore.Write write(int last, boolean erased) {
        List<StoredFact> facts = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            StoredFact fact = codec.encode(i, T0.plusSeconds(i), stream.get(i));
            facts.add(erased ? codec.withoutPersonalData(fact) : fact);
        }
        return new PractitionerViewStore.Write(new PractitionerView("p-1", last,
                null, null, null, null, null, null, facts, List.of(), List.of(), null), null);
    }

    private void headAt(long sequence) {
        when(heads.lastOf("p-1")).thenReturn(Optional.of(new StreamPosition(sequence, 100 + sequence)));
    }

    private void eventStoreHolds(int last) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            messages.add(new GenericDomainEventMessage<>("Practitioner", "p-1", i, stream.get(i)));
        }
        when(events.readEvents("p-1")).thenAnswer(call -> DomainEventStream.of(messages.stream()));
    }

    private static List<Long> sequences(PractitionerFacts.Reflected reflected) {
        return reflected.facts().stream().map(RecordedFact::sequence).toList();
    }

    private double viewBehind() {
        return metrics.get("ledger.reads.view.behind").counter().count();
    }

    @Test
    void aViewAheadOfTheHeadGivesOnlyTheFactsUpToTheHeadAndIsRememberedForLaterHeads() {
        PractitionerFacts facts = facts();
        viewThrough(3);
        headAt(2);

        PractitionerFacts.Reflected first = facts.current("p-1");

        assertThat(sequences(first)).containsExactly(0L, 1L, 2L);
        assertThat(first.upTo()).isEqualTo(new StreamPosition(2, 102));
        assertThat(first.facts().get(2).event()).isEqualTo(stream.get(2));

        // the view's document gone, a read at the next head is answered from this node's memory of it
        client.getDatabase("ledger").drop();
        headAt(3);
        PractitionerFacts.Reflected second = facts.current("p-1");

        assertThat(sequences(second)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(second.facts().get(3).event()).isEqualTo(stream.get(3));
        assertThat(viewBehind()).isZero();
    }

    @Test
    void aHeadPastWhatTheViewAndTheMemoryHoldIsReadFromTheEventStore() {
        PractitionerFacts facts = facts();
        viewThrough(3);
        headAt(3);
        assertThat(sequences(facts.current("p-1"))).containsExactly(0L, 1L, 2L, 3L);

        headAt(4);
        eventStoreHolds(4);
        PractitionerFacts.Reflected behind = facts.current("p-1");

        assertThat(sequences(behind)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(behind.facts().get(4).event()).isEqualTo(stream.get(4));
        assertThat(viewBehind()).isEqualTo(1);
    }

    @Test
    void aPractitionerWhoseDataIsErasedIsForgottenAndReadAgainFromTheView() {
        PractitionerFacts facts = facts();
        viewThrough(3);
        headAt(3);
        assertThat(registeredName(facts.current("p-1"))).isEqualTo("乌兰");
        client.getDatabase("ledger").drop();
        viewThrough(3, true);
        assertThat(registeredName(facts.current("p-1"))).as("remembered, until forgotten").isEqualTo("乌兰");

        facts.forget("p-1");

        assertThat(registeredName(facts.current("p-1"))).isNull();
    }

    @Test
    void whatThisNodesProjectionStoresIsReadWithoutARoundTripToTheView() {
        PractitionerFacts facts = facts();
        views.save(views.activeForReads(), List.of(write(3, false)));
        client.getDatabase("ledger").drop();
        headAt(2);

        PractitionerFacts.Reflected earlier = facts.current("p-1");

        assertThat(sequences(earlier)).as("kept through 3, read at a head of 2").containsExactly(0L, 1L, 2L);
        assertThat(earlier.upTo().sequence()).isEqualTo(2);
        headAt(3);
        assertThat(sequences(facts.current("p-1"))).containsExactly(0L, 1L, 2L, 3L);
        assertThat(viewBehind()).isZero();

        headAt(4);
        eventStoreHolds(4);
        assertThat(sequences(facts.current("p-1"))).as("a head past what was stored").containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(viewBehind()).isEqualTo(1);
    }

    @Test
    void factsStoredFromBeforeAnErasureAreReplacedByTheErasuresOwn() {
        PractitionerFacts facts = facts();
        facts.forget("p-1"); // the erasure, recorded at sequence 4; the projection still behind it
        views.save(views.activeForReads(), List.of(write(3, false)));
        String revision = views.load(views.activeForReads(), Set.of("p-1")).get("p-1").revision();
        views.save(views.activeForReads(), List.of(new PractitionerViewStore.Write(write(4, true).view(), revision)));
        client.getDatabase("ledger").drop();
        headAt(4);

        PractitionerFacts.Reflected read = facts.current("p-1");

        assertThat(sequences(read)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(registeredName(read)).as("no copy from before the erasure is kept").isNull();
        assertThat(viewBehind()).isZero();
    }

    private static String registeredName(PractitionerFacts.Reflected reflected) {
        return ((PractitionerRegistered) reflected.facts().get(0).event()).profile().name();
    }
}
