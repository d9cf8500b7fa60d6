package org.celedger.app.audit;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event takes its actor from the command that caused it: Axon copies the named metadata of the
 * message being handled onto each event applied while handling it.
 */
@Configuration(proxyBeanMethods = false)
public class ActorMetaData {

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.KEYS);
    }

    /** Axon's default provider (correlation and trace ids), kept beside the actor's. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
