package org.celedger.app.api;

import org.springframework.http.HttpStatus;

/** A refusal decided at the edge (a key limited to other bases, a batch too large), with its status and field. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;

    public ApiException(HttpStatus status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
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
