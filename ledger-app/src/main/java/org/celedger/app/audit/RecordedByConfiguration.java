package org.celedger.app.audit;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.Disclosure;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * (in place of Spring Boot's, on the same mapper) handing a request's actors to the writer, and the
 * caller's {@link Disclosure} of personal data ({@link org.celedger.app.security.PersonalDataMasking}).
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
                // Every answer is masked by its caller's disclosure: without a known caller, everything is.
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                ObjectWriter masked = writer.withAttribute(Disclosure.ATTRIBUTE, Disclosure.of(
                        authentication != null && authentication.getPrincipal() instanceof ApiKey key ? key : null));
                return actors == null ? masked : masked.withAttribute(RecordedBy.ATTRIBUTE, actors);
            }
        };
    }
}
