package org.celedger.app.privacy;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which reads are reads of personal data (API.md "Personal data"): everything about one practitioner
 * (profile, years, decisions, history, certifications, a certification's answer), the population
 * listing, a base's page and its rosters (names), and the access log itself.
 */
@Configuration(proxyBeanMethods = false)
public class AccessLogConfiguration implements WebMvcConfigurer {

    private final AccessLog log;

    public AccessLogConfiguration(AccessLog log) {
        this.log = log;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        AccessLogInterceptor logged = new AccessLogInterceptor(log);
        registry.addInterceptor(only(HttpMethod.GET, logged)).addPathPatterns("/api/v1/practitioners", "/api/v1/practitioners/*",
                "/api/v1/practitioners/*/**", "/api/v1/eligibility", "/api/v1/bases/*",
                "/api/v1/bases/*/sessions/*/roster", "/api/v1/access-log");
        registry.addInterceptor(only(HttpMethod.POST, logged)).addPathPatterns("/api/v1/practitioners/*/certifications");
    }

    private static HandlerInterceptor only(HttpMethod method, AccessLogInterceptor logged) {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler) {
                return !method.matches(request.getMethod()) || logged.preHandle(request, response, handler);
            }
        };
    }
}
