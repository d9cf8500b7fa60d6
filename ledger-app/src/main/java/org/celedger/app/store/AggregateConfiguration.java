package org.celedger.app.store;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.celedger.domain.practitioner.Practitioner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the domain's aggregates with Axon. The domain module carries no Spring annotation
 * (ARCHITECTURE.md), so they are declared here instead of by {@code @Aggregate}.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    @Bean
    public ConfigurerModule practitionerAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Practitioner.class));
    }
}
