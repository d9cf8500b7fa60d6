package org.celedger.app.api;

import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

/**
 * Roster awards are named {@code sessionId/practitionerId} (API.md), so an award id may hold '/':
 * in a path it is sent as {@code %2F} and must reach the controller as one path segment.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

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
