package org.celedger.app.web;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.celedger.app.metrics.SlowRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

/**
 * The web layer's edges: request bodies bounded and query parameters strict, for every endpoint.
 *
 * <p>Roster awards are named {@code sessionId/practitionerId} (API.md), so an award id may hold '/':
 * in a path it is sent as {@code %2F} and must reach the controller as one path segment.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /**
     * Outside every other filter, so that a slow request's time is all of it (ops/README.md reads these lines).
     * {@code ledger.slow-request-ms}: the time from which a request is logged with where its time went.
     */
    @Bean
    public FilterRegistrationBean<SlowRequests> slowRequests(@Value("${ledger.slow-request-ms:50}") long thresholdMillis) {
        FilterRegistrationBean<SlowRequests> registration = new FilterRegistrationBean<>(new SlowRequests(thresholdMillis));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** First of all filters but the one that times them: a body past its limit is refused before anything reads it (API.md "Limits"). */
    @Bean
    public FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(Problems problems) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After security, so that a caller without a key learns nothing from its query. */
    @Bean
    public FilterRegistrationBean<StrictQueryParameters> strictQueryParameters(Problems problems) {
        FilterRegistrationBean<StrictQueryParameters> registration =
                new FilterRegistrationBean<>(new StrictQueryParameters(problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Errors Tomcat answers itself (an undecodable URI, a header too large) as problem+json too. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    public TomcatConnectorCustomizer encodedSlashInPathSegments() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    @Bean
    public WebSecurityCustomizer firewallAllowingEncodedSlash() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        // Tomcat passes %2F through undecoded, so the firewall then sees its '%'.
        firewall.setAllowUrlEncodedPercent(true);
        return web -> web.httpFirewall(firewall);
    }
}
