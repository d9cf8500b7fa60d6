package org.celedger.app.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.celedger.domain.base.InspectionSample;
import org.celedger.domain.base.TrainingBase;
import org.celedger.domain.key.KeyLifecycle;
import org.celedger.domain.practitioner.Practitioner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the domain's aggregates with Axon. The domain module carries no Spring annotation
 * (ARCHITECTURE.md), so they are declared here instead of by {@code @Aggregate}.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    /** The aggregates kept in memory between commands, so that a refusal can be re-checked on fresh state. */
    public record AggregateCaches(Cache practitioners, Cache trainingBases) {
        public void evict(String aggregateId) {
            practitioners.remove(aggregateId);
            trainingBases.remove(aggregateId);
        }
    }

    /**
     * Practitioners are many and written at random, so they are held strongly, up to a bound that fits the
     * 100,000 practitioners of a province (the benchmark's heap figures include them); training bases are few, and
     * weakly held.
     */
    @Bean
    public AggregateCaches aggregateCaches(@Value("${ledger.write.cached-practitioners:100000}") int practitioners) {
        return new AggregateCaches(new BoundedAggregateCache(practitioners), new WeakReferenceCache());
    }

    @Bean
    public ConfigurerModule trainingBaseAggregates(AggregateCaches caches) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(TrainingBase.class)
                        .configureCache(c -> caches.trainingBases())
                        .configureCommandTargetResolver(c -> CachedCommandTargetResolver.INSTANCE))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(InspectionSample.class)
                        .configureCommandTargetResolver(c -> CachedCommandTargetResolver.INSTANCE))
                // Not cached: a key's few facts are read at each revocation or rotation, which are rare, and every
                // node then judges them on the stored stream.
                .configureAggregate(AggregateConfigurer.defaultConfiguration(KeyLifecycle.class)
                        .configureCommandTargetResolver(c -> CachedCommandTargetResolver.INSTANCE));
    }

    @Bean
    public ConfigurerModule practitionerAggregate(AggregateCaches caches) {
        // The cache keeps a practitioner in memory between commands, so a roster or a batch of many facts for
        // one person does not replay the whole stream per fact. A write that loses a race with another node
        // fails on the event store's (aggregate, sequence) key, its unit of work evicts the cached state and
        // LedgerWriter retries on fresh state.
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Practitioner.class)
                .configureCache(c -> caches.practitioners())
                .configureCommandTargetResolver(c -> CachedCommandTargetResolver.INSTANCE));
    }
}
