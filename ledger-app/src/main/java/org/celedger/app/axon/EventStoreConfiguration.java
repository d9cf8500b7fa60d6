package org.celedger.app.axon;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.celedger.app.config.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store: the only durable home of the facts. Axon's JDBC engine gives a global sequence
 * and gap-aware tracking (ARCHITECTURE.md, "Storage"), on H2 in file mode by default or on PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);
    /** H2's background store of what no commit waited for; every commit that changed something waits. */
    static final int GROUP_COMMITTED_WRITE_DELAY_MS = 1000;
    /**
     * Connections to the embedded store at least: each holds its connection until its commit is stored, so at
     * 1,000 writes a second the pool of 10 was the bottleneck (JFR: 32,156 waits for a connection in 40 s, up to
     * 461 ms). An H2 session in the same JVM costs little.
     */
    static final int EMBEDDED_POOL = 64;

    @Bean(destroyMethod = "close")
    public DataSource dataSource(LedgerProperties properties) throws SQLException {
        LedgerProperties.EventStore store = properties.eventStore();
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-store");
        config.setMaximumPoolSize(store.embedded() ? Math.max(store.poolSize(), EMBEDDED_POOL) : store.poolSize());
        if (store.embedded()) {
            Path dir = properties.dataDir().toAbsolutePath().normalize();
            OwnerOnlyFiles.directory(dir);
            // WRITE_DELAY: H2 stores committed changes in the background within this many ms; but no commit that
            // changed something returns before its changes are stored (GroupCommittedDataSource), so an
            // acknowledged write survives kill -9. With WRITE_DELAY=0 each commit stored its own chunk in the
            // committing thread (ops/README.md, "Where a single write's time goes"); with H2's default delay and
            // no group commit, ~35,000 acknowledged autocommitted inserts were lost to kill -9.
            // AUTO_COMPACT_FILL_RATE=0: with a WRITE_DELAY, H2's background thread also rewrites and moves partly
            // used chunks, holding the store's lock, which every commit's write then waited for (single-write p50
            // 21.8 ms, p99 1.2 s after an ingestion of 189,608 events); with WRITE_DELAY=0 there was no such thread,
            // so this keeps what the store did before. Chunks whose pages are all superseded are still freed.
            // DB_CLOSE_ON_EXIT=FALSE lets the pool close it in order on shutdown. The file lock keeps a second
            // process away from the same data directory.
            // LOCK_TIMEOUT=10000: batches commit many items per transaction, so a writer may wait for another's
            // commit longer than H2's default second under load; a timeout is retried (LedgerWriter).
            config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("events")
                    + ";WRITE_DELAY=" + GROUP_COMMITTED_WRITE_DELAY_MS + ";AUTO_COMPACT_FILL_RATE=0"
                    + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
            config.setUsername("ledger");
            config.setPassword("");
            config.setExceptionOverride(new BrokenH2SessionEviction());
            log.info("Event store: embedded H2 in {}", dir);
        } else {
            config.setJdbcUrl(store.url());
            config.setUsername(store.user());
            config.setPassword(store.password());
            log.info("Event store: {}", store.url());
        }
        // The pool opens its first connection here, so H2's files exist when they are narrowed.
        HikariDataSource pool = new HikariDataSource(config);
        if (!store.embedded()) {
            return pool; // PostgreSQL groups concurrent commits in its write-ahead log itself
        }
        OwnerOnlyFiles.narrow(properties.dataDir().toAbsolutePath().normalize());
        try {
            return new GroupCommittedDataSource(pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** How many commits shared the embedded store's writes: {@code ledger.store.commits} ÷ {@code ledger.store.writes}. */
    @Bean
    public MeterBinder groupCommitMetrics(DataSource dataSource) {
        return registry -> {
            if (dataSource instanceof GroupCommittedDataSource grouped) {
                GroupCommit commits = grouped.groupCommit();
                FunctionCounter.builder("ledger.store.commits", commits, GroupCommit::commits)
                        .description("commits to the embedded store that changed something, each acknowledged once stored")
                        .register(registry);
                FunctionCounter.builder("ledger.store.writes", commits, GroupCommit::stores)
                        .description("writes of the embedded store's file (chunks), each serving every commit waiting")
                        .register(registry);
            }
        };
    }

    /** The JDBC engine, with the events' and snapshots' serializers, and its tables created if missing. */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 org.axonframework.config.Configuration axon,
                                                 LedgerProperties properties, DataSource dataSource) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .readEventDataWithGaps(new RangeAndGapsStatement())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                // Tracking processors and rebuilds read this many events per query (Axon's default, 100,
                // makes a replay of a million events ten thousand round trips).
                .batchSize(properties.eventStore().readBatchSize())
                .build();
        EventTableFactory tables = properties.eventStore().embedded()
                ? H2EventTableFactory.INSTANCE
                : PostgresEventTableFactory.INSTANCE;
        engine.createSchema(tables);
        if (properties.eventStore().embedded()) {
            new JdbcTemplate(dataSource).execute(H2EventTableFactory.SET_IDENTITY_CACHE);
        }
        SeparateStreams.run(new JdbcTemplate(dataSource));
        return engine;
    }
}
