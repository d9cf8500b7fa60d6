package org.celedger.app.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A processor's progress read from the tokens its segments stored, the same from either token store: the
 * ledger's memory (the embedded default) and a shared MongoDB (several nodes). Positions as
 * {@link ProcessorPositions} defines them: a segment has processed {@code p} when its index is at or past
 * {@code p} and {@code p} is not one of its gaps.
 */
class SegmentTokensTest {

    private static final String PROCESSOR = "practitioner-views";
    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void inTheLedgersMemory() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        assertProgressFrom(store, new JvmSegmentTokens(store));
    }

    @Test
    void inASharedMongoDb() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(client, "tokens-test").build();
        MongoTokenStore store = MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
        assertProgressFrom(store, new MongoSegmentTokens(template, serializer));
    }

    private static void assertProgressFrom(TokenStore store, SegmentTokens tokens) {
        ProcessorPositions positions = new ProcessorPositions(tokens);
        // before the processor has started: no segment, nothing processed
        assertTrue(tokens.of(PROCESSOR).isEmpty());
        assertFalse(positions.progress(PROCESSOR).reached(0));
        assertEquals(0, positions.progress(PROCESSOR).consistentThrough());

        store.initializeTokenSegments(PROCESSOR, 2);
        assertEquals(2, tokens.of(PROCESSOR).size());
        assertNull(tokens.of(PROCESSOR).get(0));
        assertFalse(positions.progress(PROCESSOR).reached(1));

        // segment 0 at 12 with 9 still to come (a transaction not yet committed when read); segment 1 at 10
        store.fetchToken(PROCESSOR, 0);
        store.fetchToken(PROCESSOR, 1);
        store.storeToken(GapAwareTrackingToken.newInstance(12, List.of(9L)), PROCESSOR, 0);
        store.storeToken(GapAwareTrackingToken.newInstance(10, List.of()), PROCESSOR, 1);
        ProcessorPositions.Progress progress = positions.progress(PROCESSOR);
        assertTrue(progress.reached(8));
        assertFalse(progress.reached(9), "segment 0 still waits for 9");
        assertTrue(progress.reached(10));
        assertFalse(progress.reached(11), "segment 1 is at 10");
        assertEquals(8, progress.consistentThrough());

        // the gap filled and segment 1 caught up
        store.storeToken(GapAwareTrackingToken.newInstance(12, List.of()), PROCESSOR, 0);
        store.storeToken(GapAwareTrackingToken.newInstance(13, List.of()), PROCESSOR, 1);
        progress = positions.progress(PROCESSOR);
        assertTrue(progress.reached(12));
        assertFalse(progress.reached(13));
        assertEquals(12, progress.consistentThrough());
        // another processor's tokens are its own
        assertTrue(tokens.of("supervision").isEmpty());
    }
}
