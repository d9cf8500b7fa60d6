package org.celedger.app.axon;

import org.axonframework.config.EventProcessingModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's event processing for the ledger's tracking processors. */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    /** Tracking processors that store their tokens after processing (see {@link TokensStoredAfterProcessing}). */
    @Bean
    public EventProcessingModule eventProcessingModule() {
        return new TokensStoredAfterProcessing();
    }
}
