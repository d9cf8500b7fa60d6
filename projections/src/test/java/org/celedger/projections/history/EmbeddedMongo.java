package org.celedger.projections.history;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** The embedded MongoDB-wire server the ledger runs by default, with a client on loopback, for projection tests. */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public EmbeddedMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoDatabase database() {
        return client.getDatabase("ledger");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
