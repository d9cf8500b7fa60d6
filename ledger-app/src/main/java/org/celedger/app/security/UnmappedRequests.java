package org.celedger.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last access rule, for requests no rule above names. A request that Spring MVC has no handler for (an
 * unknown path, or a method the path does not take) is let through, so that it is answered 404 or 405 with
 * {@code Allow} as problem+json instead of 403 (PUT on an API path answered 403 even to ADMIN). A request that
 * does reach a handler no rule names stays denied: a new endpoint is closed until a rule opens it.
 *
 * <p>The handler lookup happens only for these requests, never for the API's own (see
 * {@link SecurityConfiguration#pathPatternRequestMatchers()}).
 */
final class UnmappedRequests implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnmappedRequests(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(!handled(context.getRequest()));
    }

    private boolean handled(HttpServletRequest request) {
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return mappings.getObject().getHandler(request) != null;
        } catch (HttpRequestMethodNotSupportedException otherMethod) {
            return false;
        } catch (Exception unclear) {
            return true;
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            }
        }
    }
}
