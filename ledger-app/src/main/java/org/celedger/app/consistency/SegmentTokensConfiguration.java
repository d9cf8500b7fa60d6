package org.celedger.app.consistency;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the processors' tokens from wherever the ledger stores them (ReadStoreConfiguration chooses). */
@Configuration(proxyBeanMethods = false)
public class SegmentTokensConfiguration {

    @Bean
    public SegmentTokens segmentTokens(TokenStore tokens, MongoTemplate axonMongoTemplate,
                                       @Qualifier("serializer") Serializer serializer) {
        return tokens instanceof InMemoryTokenStore inMemory ? new JvmSegmentTokens(inMemory)
                : new MongoSegmentTokens(axonMongoTemplate, serializer);
    }
}
