package org.celedger.app.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 503 with {@code Retry-After} for a batch the ledger cannot take now. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BatchesBusyHandler {

    static final int RETRY_AFTER_SECONDS = 2;

    @ExceptionHandler(BatchesBusyException.class)
    ResponseEntity<ProblemDetail> busy(BatchesBusyException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many batches at once", "items",
                e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
