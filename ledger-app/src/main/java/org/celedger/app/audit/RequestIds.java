package org.celedger.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The id of the HTTP request a write came with: the caller's {@code X-Request-Id} when it is a plain token
 * (so an integrator can find its own request in the audit trail), else one made here.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /** The current request's id (the same for every write of one request), or null outside a request. */
    public static String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        HttpServletRequest request = servlet.getRequest();
        Object known = request.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known.toString();
        }
        String given = request.getHeader(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
