package org.celedger.app.consistency;

import org.celedger.app.api.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 503 with {@code Retry-After} for a view that has not reached the position a read waited for. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ViewBehindHandler {

    static final int RETRY_AFTER_SECONDS = 1;

    @ExceptionHandler(ViewBehindException.class)
    ResponseEntity<ProblemDetail> behind(ViewBehindException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "View not yet consistent",
                ReadConsistency.WAIT_PARAMETER, e.getMessage());
        problem.setProperty("consistentThrough", e.consistentThrough());
        problem.setProperty("waitForPosition", e.wanted());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .header(ReadConsistency.CONSISTENT_THROUGH_HEADER, String.valueOf(e.consistentThrough()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
