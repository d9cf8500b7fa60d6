package org.celedger.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.celedger.app.security.ApiKeyAuthenticationFilter.KeyAuthentication;
import org.celedger.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a console request by its session cookie, as the key it was opened with: the console calls
 * the same API with the same rules, never a side door. A request with an {@code Authorization} header is
 * left to the key. An unsafe request (anything but GET, HEAD, OPTIONS) must echo the session's CSRF token
 * in {@value #CSRF_HEADER}: a cross-site form cannot read it, so cannot send it. The key is looked up on
 * every request, so a revoked key ends its sessions at once.
 */
public class ConsoleSessionFilter extends OncePerRequestFilter {

    public static final String COOKIE = "ledger_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ConsoleSessions sessions;
    private final ApiKeyStore keys;
    private final Problems problems;

    public ConsoleSessionFilter(ConsoleSessions sessions, ApiKeyStore keys, Problems problems) {
        this.sessions = sessions;
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader("Authorization") == null ? sessionId(request) : null;
        if (id != null) {
            Optional<ConsoleSessions.Session> session = sessions.find(id);
            Optional<ApiKey> key = session.flatMap(s -> keys.findByHash(s.keyHash()));
            if (key.isPresent()) {
                if (!SAFE.contains(request.getMethod()) && !echoes(request, session.get().csrfToken())) {
                    problems.write(response, HttpStatus.FORBIDDEN, "Missing CSRF token", CSRF_HEADER,
                            "A console request that changes something sends its session's token in " + CSRF_HEADER + ".");
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(new KeyAuthentication(key.get()));
                request.setAttribute(ConsoleSessions.Session.class.getName(), session.get());
            }
        }
        chain.doFilter(request, response);
    }

    public static String sessionId(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        return null;
    }

    private static boolean echoes(HttpServletRequest request, String token) {
        String sent = request.getHeader(CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
