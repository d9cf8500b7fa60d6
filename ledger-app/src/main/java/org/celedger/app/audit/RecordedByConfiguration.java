package org.celedger.app.audit;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.celedger.domain.rules.Contribution;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Wires {@link RecordedBy}: the mix-in on {@link Contribution}, and the JSON converter of HTTP answers
 * (in place of Spring Boot's, on the same mapper) handing a request's actors to the writer.
 */
@Configuration(proxyBeanMethods = false)
public class RecordedByConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer recordedByOnContributions() {
        return builder -> builder.mixIn(Contribution.class, RecordedBy.OnContribution.class);
    }

    @Bean
    public MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper mapper) {
        return new MappingJackson2HttpMessageConverter(mapper) {
            @Override
            protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType javaType, MediaType mediaType) {
                RequestAttributes request = RequestContextHolder.getRequestAttributes();
                Object actors = request == null ? null
                        : request.getAttribute(RecordedBy.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                return actors == null ? writer : writer.withAttribute(RecordedBy.ATTRIBUTE, actors);
            }
        };
    }
}
