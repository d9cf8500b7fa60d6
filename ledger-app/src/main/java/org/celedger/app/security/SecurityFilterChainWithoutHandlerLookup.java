package org.celedger.app.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.FilterChainProxy;

/**
 * Registers, as the servlet filter {@code springSecurityFilterChain}, the {@link FilterChainProxy} that
 * Spring Security's {@code WebSecurity} built, not the composite that Spring Security's MVC support puts
 * around it (a subclass of {@code FilterChainProxy} that first runs {@code HandlerMappingIntrospector}'s
 * cache filter, a full handler lookup per request). The built proxy is created, as an inner bean of that
 * composite, before it, so it is seen here first.
 *
 * <p>Safe only while no request matcher or CORS setting reads the handler mapping: see
 * {@link SecurityConfiguration#pathPatternRequestMatchers()}. {@code EventStoreContractTest} checks that the
 * registered filter is the plain proxy and that access rules still apply.
 */
final class SecurityFilterChainWithoutHandlerLookup implements BeanPostProcessor {

    private static final String FILTER_NAME = "springSecurityFilterChain";

    private FilterChainProxy built;

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof FilterChainProxy proxy)) {
            return bean;
        }
        if (proxy.getClass() == FilterChainProxy.class) {
            built = proxy;
            return bean;
        }
        if (FILTER_NAME.equals(name) && built != null) {
            return built;
        }
        return bean;
    }
}
