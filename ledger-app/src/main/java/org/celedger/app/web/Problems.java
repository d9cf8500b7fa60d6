package org.celedger.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
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
import org.celedger.domain.OutOfScopeException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.Streams;
import org.celedger.domain.UnknownFactException;
import org.celedger.domain.rules.InvalidQueryException;
import org.celedger.domain.rules.NoRuleSetException;
import org.celedger.domain.rules.UnknownRuleSetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.celedger.domain.practitioner.ResidentIdNumber;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
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
        // No answer echoes a resident ID number, not even one a caller sent in a path (API.md "Personal data").
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, bounded(ResidentIdNumber.maskedIn(detail)));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            try {
                p.setInstance(URI.create(ResidentIdNumber.maskedIn(request.getRequest().getRequestURI())));
            } catch (IllegalArgumentException notAUri) {
                // left out: a path Tomcat accepted but no URI can hold
            }
        }
        p.setTitle(title);
        p.setType(URI.create("urn:ce-ledger:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")));
        if (field != null) {
            String named = excerpt(field);
            p.setProperty("field", named);
            p.setProperty("fields", List.of(named));
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
        if (t instanceof OutOfScopeException e) {
            return problem(HttpStatus.FORBIDDEN, "Not allowed for this practitioner", e.field(), e.getMessage());
        }
        if (t instanceof DomainRejection e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rejected", e.field(), e.getMessage());
        }
        if (t instanceof AggregateNotFoundException e) {
            // the stream names the kind of aggregate missing (Streams): say which, by its own id, not the stream's
            String stream = String.valueOf(e.getAggregateIdentifier());
            if (stream.startsWith(Streams.BASE)) {
                return problem(HttpStatus.NOT_FOUND, "Unknown base", "baseId",
                        "No training base " + stream.substring(Streams.BASE.length()) + " is registered.");
            }
            if (stream.startsWith(Streams.SAMPLE)) {
                return problem(HttpStatus.NOT_FOUND, "Unknown inspection sample", "sampleId",
                        "No inspection sample " + stream.substring(Streams.SAMPLE.length()) + " was drawn.");
            }
            return problem(HttpStatus.NOT_FOUND, "Unknown practitioner", "practitionerId",
                    "No practitioner " + stream + " is registered.");
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
            ProblemDetail p = problem(e.status(), e.title(), e.field(), e.getMessage());
            e.properties().forEach(p::setProperty);
            return p;
        }
        if (t instanceof JsonProcessingException e) {
            return ofJson(e);
        }
        log.error("Unexpected failure", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", null,
                "The ledger could not complete the request; nothing was recorded by it unless a retry says DUPLICATE.");
    }

    /**
     * Unreadable JSON is 400; JSON that does not fit the write (a wrong type, an unknown enum value or field,
     * a null inside a list, a number out of range) is 422. The field is the JSON path where Jackson knows it.
     * Details are written here, never copied from Jackson's messages, which name Java types; what they echo
     * of the request is an excerpt of at most {@link #EXCERPT} characters.
     */
    public ProblemDetail ofJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown field", field,
                    excerpt(field) + " is not a field of this write; known fields: "
                            + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")));
        }
        if (e instanceof StrictJson.TooManyItems m) {
            String field = path(m);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Too many items", field,
                    (field == null ? "a list" : field) + " holds at most " + StrictJson.MAX_LIST_ITEMS + " items");
        }
        if (e instanceof InvalidNullException n) {
            String field = path(n);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Null value", field,
                    (field == null ? "the body" : field) + " must not be null");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String field = path(f);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown value", field,
                    (field == null ? "the value" : field) + " must be one of "
                            + Arrays.toString(f.getTargetType().getEnumConstants()) + ", not " + shown(f.getValue()));
        }
        if (e instanceof InvalidFormatException f && f.getOriginalMessage() != null
                && f.getOriginalMessage().endsWith(": " + StrictJson.OUT_OF_RANGE)) {
            String field = path(f);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Number out of range", field,
                    (field == null ? "a number" : field) + " must have at most " + StrictJson.MAX_DECIMAL_EXPONENT
                            + " digits before and after the decimal point, not " + shown(f.getValue()));
        }
        if (e instanceof MismatchedInputException m && isTrailing(m)) {
            return problem(HttpStatus.BAD_REQUEST, "Unreadable JSON", null,
                    "The body holds something after its JSON value; send exactly one JSON value.");
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            String type = m.getTargetType() == null ? "another type" : typeName(m.getTargetType());
            String given = m instanceof InvalidFormatException f ? ", not " + shown(f.getValue()) : "";
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong type", field,
                    (field == null ? "the body" : field) + " must be " + type + given);
        }
        if (e instanceof JsonMappingException m && causedBy(m, StrictJson.OutOfRangeDecimal.class)) {
            String field = path(m);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Number out of range", field,
                    (field == null ? "a number" : field) + " must have at most " + StrictJson.MAX_DECIMAL_EXPONENT
                            + " digits before and after the decimal point");
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException c) {
            return outOfRange(path(m), c);
        }
        if (e instanceof InputCoercionException c) {
            return outOfRange(parserPath(c), c);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof StreamConstraintsException c) {
            return problem(HttpStatus.BAD_REQUEST, "Unreadable JSON", path(m),
                    "The body exceeds a limit of this API: " + constraint(c));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof NumberFormatException) {
            // a number a tree held as a double beyond its range (1e999999999 is Infinity), read as a decimal
            String field = path(m);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Number out of range", field,
                    (field == null ? "a number" : field) + " must be a finite number of at most "
                            + StrictJson.MAX_DECIMAL_EXPONENT + " digits before and after the decimal point");
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof RuntimeException cause) {
            String field = path(m);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong value", field,
                    (field == null ? "the body" : field) + ": " + humane(cause.getMessage()));
        }
        if (e instanceof StreamConstraintsException c) {
            return problem(HttpStatus.BAD_REQUEST, "Unreadable JSON", parserPath(e),
                    "The body exceeds a limit of this API: " + constraint(c));
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable JSON", parserPath(e),
                "The body is not readable JSON: " + humane(e.getOriginalMessage()));
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

    static String typeName(Class<?> type) {
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
        if (type == java.time.Instant.class) {
            return "an instant such as 2025-06-30T00:00:00Z";
        }
        if (type == java.util.Map.class || type.isRecord()) {
            return "an object";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
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

    /** Characters of a request's value that a detail may echo. */
    static final int EXCERPT = 100;
    /** Characters of any detail: a sentence, not a copy of the request. */
    static final int MAX_DETAIL = 500;

    /**
     * A detail however its writer built it: no run without spaces longer than {@link #EXCERPT} characters
     * (a value quoted from the request) and at most {@link #MAX_DETAIL} characters, so that a detail which
     * quotes a request cannot grow with it.
     */
    static String bounded(String detail) {
        if (detail == null) {
            return null;
        }
        String cut = detail.replaceAll("(\\S{" + EXCERPT + "})\\S+", "$1…");
        return cut.length() <= MAX_DETAIL ? cut : cut.substring(0, MAX_DETAIL) + "…";
    }

    /** At most {@link #EXCERPT} characters of a value from the request, marked where it was cut. */
    public static String excerpt(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "… (" + text.length() + " characters)";
    }

    /** A value Jackson read, as the request wrote it: quoted text, or a number in its short form. */
    private static String shown(Object value) {
        if (value instanceof String s) {
            return "\"" + excerpt(s) + "\"";
        }
        if (value instanceof java.math.BigDecimal d) {
            return excerpt(d.toString()); // scientific notation: 1E+999999999, never its billion digits
        }
        return value == null ? "null" : excerpt(String.valueOf(value));
    }

    private static ProblemDetail outOfRange(String field, InputCoercionException c) {
        Class<?> type = c.getTargetType();
        String range = type == Integer.TYPE || type == Integer.class ? " between -2147483648 and 2147483647"
                : type == Long.TYPE || type == Long.class ? " between -9223372036854775808 and 9223372036854775807" : "";
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Number out of range", field,
                (field == null ? "a number" : field) + " must be a whole number" + range);
    }

    private static boolean isTrailing(MismatchedInputException m) {
        String message = m.getOriginalMessage();
        return message != null && message.startsWith("Trailing token");
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String constraint(StreamConstraintsException c) {
        String message = String.valueOf(c.getOriginalMessage());
        if (message.startsWith("Number value length")) {
            return "a number has more than " + StrictJson.MAX_NUMBER_LENGTH + " characters";
        }
        if (message.startsWith("Document nesting depth")) {
            return "arrays and objects nest more than " + StrictJson.MAX_NESTING_DEPTH + " deep";
        }
        if (message.startsWith("String value length")) {
            return "a string is too long";
        }
        return humane(message);
    }

    /** The JSON path the parser had reached, for errors found while reading (a duplicate key, a long number). */
    private static String parserPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser)) {
            return null;
        }
        try {
            StringBuilder path = new StringBuilder();
            java.util.Deque<String> parts = new java.util.ArrayDeque<>();
            for (var ctx = parser.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
                if (ctx.inObject() && ctx.getCurrentName() != null) {
                    parts.push("." + ctx.getCurrentName());
                } else if (ctx.inArray()) {
                    parts.push("[" + Math.max(0, ctx.getCurrentIndex()) + "]");
                }
            }
            parts.forEach(path::append);
            String p = path.toString();
            return p.isEmpty() ? null : excerpt(p.startsWith(".") ? p.substring(1) : p);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /**
     * A message from a library, made fit for a detail: its first line, without anything between backquotes
     * (Jackson quotes Java types and settings so) or qualified Java names, and short.
     */
    static String humane(String message) {
        String line = firstLine(message)
                .replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')", "a JSON value")
                .replace("(JSON String, Number (or 'NaN'/'INF'/'+INF'), Array, Object or token 'null', 'true' or 'false')",
                        "a JSON value")
                .replaceAll("`[^`]*`", "a value")
                .replaceAll("\\(through reference chain:.*", "")
                .replaceAll("\\b(?:java|javax|jakarta|org|com|sun)\\.[A-Za-z0-9_.$\\[\\];]+", "a value")
                .replaceAll("\\[L[A-Za-z0-9_.$]+;@[0-9a-f]+", "a value");
        return line.length() <= 2 * EXCERPT ? line : line.substring(0, 2 * EXCERPT) + "…";
    }
}
