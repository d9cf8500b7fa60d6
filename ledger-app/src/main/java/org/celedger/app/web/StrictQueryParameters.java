package org.celedger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters read as strictly as bodies, for every endpoint at once. A parameter given twice
 * ({@code ?year=2025&year=2026}: which year did the caller mean?) is refused 422 naming it; a blank one
 * ({@code ?jurisdiction=}) is absent, as a form that leaves a filter empty means. The parameters are the
 * query's only: a body is never read as parameters.
 */
public class StrictQueryParameters extends OncePerRequestFilter {

    private final Problems problems;

    public StrictQueryParameters(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                } catch (IllegalArgumentException badEncoding) {
                    problems.write(response, HttpStatus.BAD_REQUEST, "Unreadable query", null,
                            "The query is not valid percent-encoded UTF-8: " + Problems.excerpt(pair));
                    return;
                }
                if (!seen.add(name)) {
                    problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "Repeated parameter", name,
                            Problems.excerpt(name) + " is given more than once; give it once");
                    return;
                }
                if (!value.isBlank()) {
                    parameters.put(name, new String[] {value});
                }
            }
        }
        chain.doFilter(new QueryOnly(request, Collections.unmodifiableMap(parameters)), response);
    }

    private static String decode(String text) {
        String decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') >= 0 && text.indexOf('\uFFFD') < 0) {
            throw new IllegalArgumentException("not UTF-8");
        }
        return decoded;
    }

    private static final class QueryOnly extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        QueryOnly(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
