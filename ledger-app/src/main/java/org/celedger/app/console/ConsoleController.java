package org.celedger.app.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.ApiKeyStore;
import org.celedger.app.security.ConsoleSessionFilter;
import org.celedger.app.security.ConsoleSessions;
import org.celedger.app.security.FailedAuthentications;
import org.celedger.app.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in and sign-out of the console: {@code POST /console/session} exchanges an API key for a session
 * cookie (HttpOnly, SameSite=Strict, Secure behind https) and answers the CSRF token the console sends
 * with every change; {@code GET /console/session} says who is signed in; {@code POST /console/session/end}
 * signs out. Wrong keys count against the client address as on the API.
 */
@RestController
@Tag(name = "console")
public class ConsoleController {

    private final ConsoleSessions sessions;
    private final ApiKeyStore keys;
    private final FailedAuthentications failures;

    public ConsoleController(ConsoleSessions sessions, ApiKeyStore keys, FailedAuthentications failures) {
        this.sessions = sessions;
        this.keys = keys;
        this.failures = failures;
    }

    public record SignIn(String apiKey) {
    }

    /** Who is signed in: the key's name and roles (never the key), the CSRF token and the session's end. */
    public record SignedIn(String keyId, String name, List<String> roles, List<String> bases, String csrfToken,
                           Instant expiresAt) {
        static SignedIn of(ApiKey key, ConsoleSessions.Session session) {
            return new SignedIn(key.id(), key.name(), key.roles().stream().map(Enum::name).sorted().toList(),
                    key.baseIds().stream().sorted().toList(), session.csrfToken(), session.expiresAt());
        }
    }

    @PostMapping("/console/session")
    @Operation(summary = "Sign in to the console with an API key: answers a session cookie and the CSRF token")
    public ResponseEntity<SignedIn> signIn(HttpServletRequest request, @RequestBody SignIn signIn) {
        if (signIn.apiKey() == null || signIn.apiKey().isBlank()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Missing key", "apiKey", "apiKey is required");
        }
        ApiKey key = keys.find(signIn.apiKey().strip()).orElseThrow(() -> {
            long wait = failures.failed(request.getRemoteAddr());
            return wait > 0
                    ? new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong API keys", "apiKey",
                            "Too many wrong keys came from this address; try again in " + wait + " s.").retryAfter((int) wait)
                    : new ApiException(HttpStatus.UNAUTHORIZED, "Unknown API key", "apiKey", "No such API key.");
        });
        ConsoleSessions.Opened opened = sessions.open(key);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.SET_COOKIE, cookie(request, opened.id(), sessions.lifetime()).toString())
                .body(SignedIn.of(key, opened.session()));
    }

    @GetMapping("/console/session")
    @Operation(summary = "Who is signed in to the console")
    public SignedIn current(@AuthenticationPrincipal ApiKey key, HttpServletRequest request) {
        Object session = request.getAttribute(ConsoleSessions.Session.class.getName());
        if (key == null || !(session instanceof ConsoleSessions.Session s)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Not signed in", "authorization",
                    "No console session: sign in with an API key.");
        }
        return SignedIn.of(key, s);
    }

    @PostMapping("/console/session/end")
    @Operation(summary = "Sign out of the console: the session ends on every node")
    public ResponseEntity<Void> signOut(HttpServletRequest request) {
        String id = ConsoleSessionFilter.sessionId(request);
        if (id != null) {
            sessions.end(id);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString()).build();
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(ConsoleSessionFilter.COOKIE, value).httpOnly(true).sameSite("Strict")
                .secure(request.isSecure()).path("/").maxAge(maxAge).build();
    }
}
