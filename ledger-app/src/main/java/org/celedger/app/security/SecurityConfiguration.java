package org.celedger.app.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
import java.time.Duration;
import org.celedger.app.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what (API.md "Access"): INTEGRATOR writes credits and conversions, REGISTRAR registers and
 * corrects practitioners, grants exemptions and records transfers, AUDITOR reads, SUPERVISOR supervises bases,
 * ADMIN everything. No key: 401; a key without the role: 403; both as problem+json.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String INTEGRATOR = Role.INTEGRATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();
    private static final String REGISTRAR = Role.REGISTRAR.name();
    private static final String ADMIN = Role.ADMIN.name();
    /**
     * A credit's revocation; matched on the raw path, where a roster's award id keeps its {@code %2F}
     * (a pattern's {@code *} takes one decoded segment).
     */
    private static final java.util.regex.Pattern REVOCATION_PATH =
            java.util.regex.Pattern.compile("/api/v1/practitioners/[^/]+/credits/[^/]+/revocations");
    private static final org.springframework.security.web.util.matcher.RequestMatcher CREDIT_REVOCATION =
            request -> "POST".equals(request.getMethod()) && REVOCATION_PATH.matcher(request.getRequestURI()).matches();

    /**
     * The paths below are matched as path patterns, not through Spring MVC's handler mappings (Spring
     * Security's default when MVC is present): that looked up the handler of every request once more for
     * security, a tenth of the CPU of a decision read in the benchmark's profile.
     */
    @Bean
    public PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No observation of each security filter and authorization: they made the meters
     * {@code spring.security.filterchains} and {@code spring.security.authorizations}, which nobody reads,
     * at a tenth of the CPU of a decision read (benchmark profile). {@code http.server.requests} stays.
     */
    @Bean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * With Spring MVC present, Spring Security wraps its filter chain in a filter that looks up every
     * request's Spring MVC handler first, for request matchers and CORS settings that read it. This
     * ledger uses neither (path patterns above, no CORS), and the lookup was a twentieth of the CPU of a
     * decision read. This post-processor registers the chain Spring Security built, without the wrapper.
     */
    @Bean
    public static BeanPostProcessor securityFilterChainWithoutHandlerLookup() {
        return new SecurityFilterChainWithoutHandlerLookup();
    }

    /** Wrong keys per client address and minute before 429 (API.md "Access"). */
    @Bean
    public FailedAuthentications failedAuthentications(
            @Value("${ledger.auth.failed-keys-per-minute:20}") int perMinute,
            @Value("${ledger.auth.remembered-addresses:10000}") int addresses) {
        return new FailedAuthentications(perMinute, Duration.ofMinutes(1), addresses, Clock.systemUTC());
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ApiKeyStore keys, Problems problems,
                                   FailedAuthentications failures, ConsoleSessions consoleSessions,
                                   @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
            throws Exception {
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, failures, problems), AnonymousAuthenticationFilter.class)
                // a console session authenticates as its key, before the key filter (which it leaves alone)
                .addFilterBefore(new ConsoleSessionFilter(consoleSessions, keys, problems), ApiKeyAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            Object refusal = req.getAttribute(ApiKeyAuthenticationFilter.REFUSAL);
                            problems.write(res, HttpStatus.UNAUTHORIZED, "Missing or unknown API key", "authorization",
                                    refusal != null ? refusal + " Send Authorization: Bearer <a valid api key>."
                                            : "Send Authorization: Bearer <api key>; this request had no valid key.");
                        })
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, HttpStatus.FORBIDDEN,
                                "Not allowed for this key", "authorization",
                                "The API key has no role that allows " + req.getMethod() + " " + req.getRequestURI() + ".")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        // the console's pages and sign-in are open; what they show comes from the API, with its rules
                        .requestMatchers(GET, "/console", "/console/", "/console/*.html", "/console/*.js", "/console/*.css",
                                "/console/session", "/webjars/echarts/**").permitAll()
                        .requestMatchers(POST, "/console/session", "/console/session/end").permitAll()
                        .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**", "/api/v1/admin/**", "/api/v1/access-log").hasRole(ADMIN)
                        // a person's copy of their data: on their request, by ADMIN
                        .requestMatchers(GET, "/api/v1/practitioners/*/personal-data-export").hasRole(ADMIN)
                        // auditors: reads, certifications, what-if
                        .requestMatchers(POST, "/api/v1/practitioners/*/certifications", "/api/v1/what-if").hasAnyRole(AUDITOR, ADMIN)
                        // registrars read the profiles of their scope (PractitionerReadController)
                        .requestMatchers(GET, "/api/v1/practitioners", "/api/v1/practitioners/*").hasAnyRole(AUDITOR, REGISTRAR, ADMIN)
                        .requestMatchers(POST, "/api/v1/practitioners/*/erasures").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/v1/practitioners/**", "/api/v1/rule-sets/**", "/api/v1/rule-sets",
                                "/api/v1/eligibility").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(GET, "/api/v1/statistics").hasAnyRole(SUPERVISOR, AUDITOR, ADMIN)
                        .requestMatchers(GET, "/api/v1/audit").hasAnyRole(AUDITOR, ADMIN)
                        // supervisors: bases, samples, inspections
                        .requestMatchers(POST, "/api/v1/bases", "/api/v1/inspection-samples", "/api/v1/bases/*/status-changes",
                                "/api/v1/bases/*/sessions/*/inspections").hasAnyRole(SUPERVISOR, ADMIN)
                        // a session's roster: also its base's integrators (BaseController checks the base)
                        .requestMatchers(GET, "/api/v1/bases/*/sessions/*/roster").hasAnyRole(INTEGRATOR, SUPERVISOR, AUDITOR, ADMIN)
                        .requestMatchers(GET, "/api/v1/bases/**", "/api/v1/supervision/**").hasAnyRole(SUPERVISOR, AUDITOR, ADMIN)
                        // supervisors revoke credits (API.md); integrators those of their bases (IntegratorScope)
                        .requestMatchers(CREDIT_REVOCATION).hasAnyRole(SUPERVISOR, INTEGRATOR, ADMIN)
                        // registrars (HR offices): profiles, exemptions and transfers of their scope (judged by the
                        // practitioner); registrations by registrars and integrators; batches by both, item by item
                        // (LedgerWriter)
                        .requestMatchers(POST, "/api/v1/practitioners/*/profile-corrections", "/api/v1/practitioners/*/exemptions",
                                "/api/v1/practitioners/*/exemptions/*/revocations", "/api/v1/practitioners/*/transfers")
                        .hasAnyRole(REGISTRAR, ADMIN)
                        .requestMatchers(POST, "/api/v1/practitioners", "/api/v1/batches").hasAnyRole(INTEGRATOR, REGISTRAR, ADMIN)
                        // integrators: facts, plans and rosters of their bases
                        .requestMatchers(POST, "/api/v1/practitioners/**",
                                "/api/v1/bases/*/sessions", "/api/v1/bases/*/sessions/*/roster").hasAnyRole(INTEGRATOR, ADMIN)
                        // anything else: 404 or 405 from Spring MVC where no handler takes it, else denied
                        .anyRequest().access(new UnmappedRequests(mappings)));
        return http.build();
    }
}
