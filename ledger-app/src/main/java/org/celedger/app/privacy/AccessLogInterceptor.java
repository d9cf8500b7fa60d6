package org.celedger.app.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.celedger.app.audit.RequestIds;
import org.celedger.app.security.ApiKey;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Logs a read of personal data before its handler runs, so that nothing is answered unlogged. The entry
 * names the endpoint by its template ({@code /api/v1/practitioners/{id}/history}), never by the path
 * itself, and the practitioner by the {@code id} the template binds; the purpose comes from the
 * {@value #PURPOSE_HEADER} header.
 */
public class AccessLogInterceptor implements HandlerInterceptor {

    /** Why the caller reads the data: stated by the caller, kept with the entry. */
    public static final String PURPOSE_HEADER = "Ledger-Purpose";

    private final AccessLog log;

    public AccessLogInterceptor(AccessLog log) {
        this.log = log;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ApiKey caller)) {
            return true; // refused before this point; nothing is read
        }
        String endpoint = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String practitionerId = variables instanceof Map<?, ?> m && m.get("id") != null ? m.get("id").toString()
                : request.getParameter("practitionerId");
        log.record(new AccessLog.Entry(0, null, caller.id(), caller.name(), practitionerId, request.getMethod(),
                endpoint, purpose(request.getHeader(PURPOSE_HEADER)), RequestIds.current()));
        return true;
    }

    /**
     * The stated purpose, one line of at most {@link AccessLog#MAX_PURPOSE} characters, or null. A header
     * holds Latin-1 only, so a purpose in Chinese comes percent-encoded UTF-8 ({@code %E8%81%8C…}).
     */
    static String purpose(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = header.contains("%") ? URLDecoder.decode(header, StandardCharsets.UTF_8) : header;
        } catch (IllegalArgumentException notPercentEncoded) {
            decoded = header;
        }
        String line = decoded.strip().replaceAll("\\p{Cntrl}", " ");
        return line.length() <= AccessLog.MAX_PURPOSE ? line : line.substring(0, AccessLog.MAX_PURPOSE);
    }
}
