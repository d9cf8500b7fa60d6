package org.celedger.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of a controller to problem+json through {@link Problems}. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private final Problems problems;

    public ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
                return answer(tooLarge.problem());
            }
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(problems.ofJson(json));
        }
        return answer(Problems.problem(HttpStatus.BAD_REQUEST, "Unreadable body", null,
                "The request needs a body in the form this endpoint reads (JSON unless it says otherwise)."));
    }

    /** A query parameter that does not convert: its name, the values it takes, and an excerpt of what was sent. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "another value" : Problems.typeName(type);
        String given = e.getValue() instanceof String text ? "\"" + Problems.excerpt(text) + "\"" : "this value";
        return answer(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY,
                type != null && type.isEnum() ? "Unknown value" : "Wrong parameter", e.getName(),
                e.getName() + " must be " + expected + ", not " + given));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return answer(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Missing parameter", e.getParameterName(),
                e.getParameterName() + " is required"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "no content type" : Problems.excerpt(e.getContentType().toString());
        return answer(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "content-type",
                "Send " + MediaType.toString(e.getSupportedMediaTypes()) + ", not " + sent));
    }

    /** 406 is written straight to the response: a negotiated answer is what the caller's Accept just refused. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletResponse response) throws IOException {
        problems.write(response, HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "accept",
                "This endpoint answers " + MediaType.toString(e.getSupportedMediaTypes().isEmpty()
                        ? List.of(MediaType.APPLICATION_JSON) : e.getSupportedMediaTypes())
                        + ", and errors as application/problem+json");
    }

    /** 405 names the methods the path takes, in the body and in {@code Allow} (RFC 9110 §15.5.6). */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        String names = allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", "method",
                Problems.excerpt(e.getMethod()) + " is not allowed here; allowed: " + names);
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(allowed.toArray(HttpMethod[]::new))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return answer(Problems.problem(HttpStatus.NOT_FOUND, "No such resource", null,
                "There is nothing at /" + Problems.excerpt(e.getResourcePath())));
    }

    /** Spring's other refusals of a request (a missing header, a bad multipart) keep their 4xx status. */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> refused(ErrorResponseException e) {
        if (!e.getStatusCode().is4xxClientError()) {
            return any(e);
        }
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return answer(Problems.problem(status, status.getReasonPhrase(), null,
                "The request was refused: " + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT) + "."));
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ProblemDetail> binding(ServletRequestBindingException e) {
        return answer(Problems.problem(HttpStatus.BAD_REQUEST, "Bad request", null, Problems.humane(e.getMessage())));
    }

    /** A refusal at the edge; one that passes (a view behind, too many batches) says when to ask again. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        ProblemDetail problem = problems.of(e);
        if (e.retryAfterSeconds() == null) {
            return answer(problem);
        }
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().toString())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> any(Exception e) {
        return answer(problems.of(e));
    }

    static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
