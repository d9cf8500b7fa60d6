package org.celedger.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.axonframework.serialization.Serializer;
import org.celedger.app.web.StrictJson;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * JSON for two audiences. The API's mapper is strict: an unknown field in a request is refused, not
 * dropped. Stored events are read leniently, so that a node still running the previous version can
 * read an event that a newer version wrote with an added field; renames go through upcasters.
 * Both keep decimals exactly as written (32.0 stays 32.0), so a retried fact compares equal.
 */
@Configuration(proxyBeanMethods = false)
public class SerializerConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer exactDecimals() {
        return builder -> builder.postConfigurer(mapper -> mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)));
    }

    @Bean
    @Primary
    public Serializer serializer(ObjectMapper api) {
        return jackson(api);
    }

    /**
     * Events as JSON, before personal data is sealed in them: the {@code eventSerializer} (app.privacy,
     * PersonalDataConfiguration) wraps it, and the views read and write events with its mapper.
     */
    @Bean
    @Qualifier("jsonEventSerializer")
    public JacksonSerializer jsonEventSerializer(ObjectMapper api) {
        return jackson(api);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(ObjectMapper api) {
        return jackson(api);
    }

    private static JacksonSerializer jackson(ObjectMapper api) {
        // Untyped values of stored messages (metadata) read as before; decimals are typed fields.
        ObjectMapper lenient = api.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false);
        // What the ledger stored itself is not a request: its lists are as long as they were when accepted.
        lenient.setConfig(lenient.getDeserializationConfig().withAttribute(StrictJson.UNBOUNDED_LISTS, true));
        return JacksonSerializer.builder().objectMapper(lenient).build();
    }
}
