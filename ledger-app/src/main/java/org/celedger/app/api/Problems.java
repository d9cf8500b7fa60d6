package org.celedger.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.celedger.domain.DomainRejection;
import org.celedger.domain.IdConflictException;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.UnknownFactException;
import org.celedger.domain.rules.InvalidQueryException;
import org.celedger.domain.rules.NoRuleSetException;
import org.celedger.domain.rules.UnknownRuleSetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Every error the API answers, as RFC 9457 problem+json with a {@code title}, the offending
 * {@code field} (and {@code fields}) and a human sentence in {@code detail}. Single writes and
 * batch items use the same mapping, so an item of a batch fails exactly as the single write would.
 */
@Component
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String title, String field, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("urn:ce-ledger:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")));
        if (field != null) {
            p.setProperty("field", field);
            p.setProperty("fields", List.of(field));
        }
        return p;
    }

    /** The problem for anything a write or read can throw; unexpected failures are logged and answered 500. */
    public ProblemDetail of(Throwable failure) {
        Throwable t = rootOfInterest(failure);
        if (t instanceof InvalidFactException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid fact", e.field(), e.getMessage());
        }
        if (t instanceof IdConflictException e) {
            return problem(HttpStatus.CONFLICT, "Id already used", e.field(), e.getMessage());
        }
        if (t instanceof StateConflictException e) {
            return problem(HttpStatus.CONFLICT, "Conflicts with recorded facts", e.field(), e.getMessage());
        }
        if (t instanceof UnknownFactException e) {
            return problem(HttpStatus.NOT_FOUND, "Unknown fact", e.field(), e.getMessage());
        }
        if (t instanceof DomainRejection e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rejected", e.field(), e.getMessage());
        }
        if (t instanceof AggregateNotFoundException e) {
            return problem(HttpStatus.NOT_FOUND, "Unknown practitioner", "practitionerId",
                    "No practitioner " + e.getAggregateIdentifier() + " is registered.");
        }
        if (t instanceof InvalidQueryException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid query", e.field(), e.getMessage());
        }
        if (t instanceof NoRuleSetException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "No rule set", "year", e.getMessage());
        }
        if (t instanceof UnknownRuleSetException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown rule set", "ruleSet", e.getMessage());
        }
        if (t instanceof ApiException e) {
            return problem(e.status(), e.title(), e.field(), e.getMessage());
        }
        if (t instanceof JsonProcessingException e) {
            return ofJson(e);
        }
        log.error("Unexpected failure", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", null,
                "The ledger could not complete the request; nothing was recorded by it unless a retry says DUPLICATE.");
    }

    /** Unreadable JSON is 400; JSON that does not fit the write (a wrong type, an unknown enum value or field) is 422. */
    public ProblemDetail ofJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown field", field,
                    field + " is not a field of this write; known fields: "
                            + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String field = path(f);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown value", field,
                    field + " must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                            + ", not " + f.getValue());
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            String type = m.getTargetType() == null ? "another type" : typeName(m.getTargetType());
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong type", field,
                    (field == null ? "the body" : field) + " must be " + type + ": " + firstLine(m.getOriginalMessage()));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof RuntimeException) {
            String field = path(m);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong value", field,
                    (field == null ? "the body" : field) + ": " + firstLine(m.getCause().getMessage()));
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable JSON", null,
                "The body is not readable JSON: " + firstLine(e.getOriginalMessage()));
    }

    /** Writes a problem straight to a servlet response (for the security layer, which answers before MVC). */
    public void write(HttpServletResponse response, HttpStatus status, String title, String field, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem(status, title, field, detail));
    }

    private static Throwable rootOfInterest(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof DomainRejection || t instanceof AggregateNotFoundException || t instanceof ApiException
                    || t instanceof JsonProcessingException || t instanceof InvalidQueryException
                    || t instanceof NoRuleSetException || t instanceof UnknownRuleSetException) {
                return t;
            }
            t = t.getCause();
        }
        return failure;
    }

    private static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
