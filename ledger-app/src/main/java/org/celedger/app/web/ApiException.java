package org.celedger.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A refusal decided at the edge (a key limited to other bases, a batch too large), with its status and field. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;
    /** For a refusal that passes (503): when to ask again, answered as {@code Retry-After}. */
    private Integer retryAfterSeconds;
    /** More members of the problem, beside title, detail and field. */
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public ApiException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public ApiException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
