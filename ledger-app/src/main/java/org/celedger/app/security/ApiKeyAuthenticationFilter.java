package org.celedger.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.celedger.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <api key>} and, for a known key, authenticates the request
 * with the key's roles. A missing, unknown, revoked or expired key leaves the request anonymous: the security
 * rules then answer 401 where a key is needed (for a revoked or expired key, saying so). The key is looked up in
 * the table at every request, never cached, so a revocation on any node is refused by this one at once. Refused keys are counted per client address
 * ({@link FailedAuthentications}): past the limit, they are answered 429 with {@code Retry-After}.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    /** The request attribute that says why a known key was refused (revoked, expired), for the 401's detail. */
    public static final String REFUSAL = ApiKeyAuthenticationFilter.class.getName() + ".refusal";

    private final ApiKeyStore keys;
    private final FailedAuthentications failures;
    private final Problems problems;

    public ApiKeyAuthenticationFilter(ApiKeyStore keys, FailedAuthentications failures, Problems problems) {
        this.keys = keys;
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ApiKeyStore.Authentication key = keys.authenticate(header.substring(BEARER.length()).trim());
            if (key.valid()) {
                SecurityContextHolder.getContext().setAuthentication(new KeyAuthentication(key.key()));
            } else {
                if (key.refusal() != null) {
                    request.setAttribute(REFUSAL, key.refusal());
                }
                long wait = failures.failed(request.getRemoteAddr());
                if (wait > 0) {
                    response.setHeader("Retry-After", Long.toString(wait));
                    problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many wrong API keys", "authorization",
                            "Too many requests with a wrong API key came from this address; a valid key still works, "
                                    + "a wrong one again in " + wait + " s.");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** An authenticated API key; its authorities are its roles. */
    public static final class KeyAuthentication extends AbstractAuthenticationToken {
        private final ApiKey key;

        public KeyAuthentication(ApiKey key) {
            super(key.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
            this.key = key;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiKey getPrincipal() {
            return key;
        }

        @Override
        public String getName() {
            return key.name();
        }
    }

}
