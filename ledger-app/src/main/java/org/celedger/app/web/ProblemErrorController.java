package org.celedger.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends what failed outside Spring MVC (a request the firewall
 * refused, an error a filter raised), answered as problem+json like every other error. Asked for directly,
 * there is nothing there: 404 (it answered 500).
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final Problems problems;

    public ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && !(code instanceof Integer c && c >= 400 && c < 500)) {
            return ApiExceptionHandler.answer(problems.of(t));
        }
        if (!(code instanceof Integer number) || HttpStatus.resolve(number) == null) {
            return ApiExceptionHandler.answer(Problems.problem(HttpStatus.NOT_FOUND, "No such resource", null,
                    "There is nothing at /error"));
        }
        HttpStatus status = HttpStatus.valueOf((Integer) code);
        String detail = status.is4xxClientError()
                ? "The request was refused: " + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT) + "."
                : "The ledger could not complete the request; nothing was recorded by it unless a retry says DUPLICATE.";
        return ApiExceptionHandler.answer(Problems.problem(status, status.getReasonPhrase(), null, detail));
    }
}
