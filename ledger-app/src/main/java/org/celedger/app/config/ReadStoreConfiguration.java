package org.celedger.app.config;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The read side's store: read models, tracking tokens and sagas in MongoDB. Without
 * {@code spring.data.mongodb.uri} an in-process MongoDB-wire server with its memory backend serves
 * them, and the tracking tokens stay in the ledger's memory; the event store stays the only durable
 * source and the read models are rebuilt at start.
 */
@Configuration(proxyBeanMethods = false)
public class ReadStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreConfiguration.class);

    /** The embedded server, on a loopback port of its own; the driver reaches it like any MongoDB. */
    @Bean(destroyMethod = "shutdownNow")
    @Conditional(NoMongoUriGiven.class)
    public MongoServer embeddedMongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Read store: embedded MongoDB-wire server (memory) on {}", address);
        return server;
    }

    @Bean
    @Conditional(NoMongoUriGiven.class)
    public MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server,
                                                                @Value("${ledger.read-store.database:ledger}") String database) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString uri = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> uri;
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client,
                                           @Value("${ledger.read-store.database:ledger}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    /**
     * On the embedded default the tracking tokens stay in the ledger's memory, beside the views they
     * describe: both are lost together at a stop and rebuilt together at the start, so nothing is lost by
     * not storing them. Stored in the embedded server, each processor's segments paid a round trip of the
     * MongoDB wire protocol for every event at low rates (four per single write), for a copy that lived
     * no longer. Several nodes share a MongoDB, and their tokens live there.
     */
    @Bean
    public TokenStore tokenStore(ObjectProvider<MongoServer> embeddedMongoServer, MongoTemplate axonMongoTemplate,
                                 Serializer serializer) {
        return embeddedMongoServer.getIfAvailable() != null ? new InMemoryTokenStore()
                : MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /** True when no MongoDB is configured: the ledger then runs its own embedded server. */
    static class NoMongoUriGiven implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("spring.data.mongodb.uri");
            return uri == null || uri.isBlank();
        }
    }
}
