package org.celedger.app;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain HTTP client for end-to-end tests: real requests to a running ledger, as an integrator would send them.
 *
 * <p>Every answer is checked against the OpenAPI document the ledger serves ({@code /v3/api-docs}, read once per
 * ledger): an answer of an operation it describes must have a status the operation lists, the content type and
 * headers of that status, and a body its schema accepts (required properties, types, enumerations, patterns,
 * nullability, no property the schema does not list). A mismatch fails the test that received the answer.
 * Requests are not checked (tests send invalid ones on purpose), nor answers of paths or methods the document
 * does not describe (the actuator, unknown paths, 405). With {@code -Dcontract.collect=FILE} (surefire's
 * {@code argLine}) mismatches are appended to FILE instead, so that one run lists all of them.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApiInteractionValidator> DOCUMENTS = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public record Response(int status, String contentType, JsonNode body, String raw,
                           java.net.http.HttpHeaders headers) {
        public String field() {
            return body == null ? null : body.path("field").asText(null);
        }

        /** A response header as a number (the consistency headers: Ledger-Sequence, Ledger-Position, …). */
        public long header(String name) {
            return Long.parseLong(headers.firstValue(name).orElseThrow(() -> new AssertionError("no header " + name)));
        }
    }

    public Response post(String path, String key, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), key);
    }

    public Response get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), key);
    }

    /** Any request, with its own headers (a content type, an Accept); {@code body} null sends none. */
    public Response send(String method, String path, String key, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, key);
    }

    private Response send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpRequest sent = request.timeout(Duration.ofSeconds(60)).build();
        Response response = exchange(sent);
        conforms(sent, response);
        return response;
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = null;
            if (raw != null && !raw.isBlank()) {
                try {
                    body = JSON.readTree(raw);
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, raw, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fails unless the answer is one the served OpenAPI document describes for the request's operation. */
    private void conforms(HttpRequest request, Response response) {
        if (request.uri().getRawPath().startsWith("/v3/api-docs")) {
            return;
        }
        OpenApiInteractionValidator document = DOCUMENTS.computeIfAbsent(base, this::document);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        if (response.raw() != null && !response.raw().isEmpty()) {
            answer.withBody(response.raw());
        }
        response.headers().map().forEach(answer::withHeader);
        ValidationReport report = document.validateResponse(request.uri().getRawPath(),
                com.atlassian.oai.validator.model.Request.Method.valueOf(request.method()), answer.build());
        if (report.hasErrors() && System.getProperty("contract.collect") != null) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("contract.collect")),
                        request.method() + " " + request.uri().getRawPath() + " " + response.status() + "\n"
                        + SimpleValidationReportFormat.getInstance().apply(report) + "\n" + response.raw() + "\n\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (report.hasErrors()) {
            throw new AssertionError("The answer " + response.status() + " to " + request.method() + " "
                    + request.uri().getRawPath() + " is not what the OpenAPI document describes:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report) + "\nanswer: " + response.raw());
        }
    }

    private OpenApiInteractionValidator document(String base) {
        Response served = exchange(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).GET()
                .timeout(Duration.ofSeconds(60)).build());
        if (served.status() != 200) {
            throw new AssertionError("no OpenAPI document at " + base + "/v3/api-docs: " + served.status());
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(served.raw())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Parses JSON the way responses are parsed, so that expected and actual compare node for node. */
    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An answer without the {@code recordedBy} of its contributions, to compare with the rule engine's own
     * JSON (the engine knows facts, not who recorded them); {@link #recorders} reads them.
     */
    public static JsonNode withoutRecorders(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        copy.findParents("recordedBy").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("recordedBy"));
        return copy;
    }

    /** The key ids in the {@code recordedBy} of every contribution of an answer. */
    public static java.util.Set<String> recorders(JsonNode answer) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        answer.findValues("recordedBy").forEach(r -> keys.add(r.path("keyId").asText()));
        return keys;
    }

    public static String registration(String id) {
        return """
                {"id":"%s","name":"王芳","gender":"FEMALE","birthDate":"1980-05-17","jurisdiction":"IM",
                 "region":"呼和浩特市","sector":"PUBLIC_INSTITUTION","grassroots":false,"titleSeries":"工程",
                 "titleLevel":"INTERMEDIATE","titleObtainedOn":"2015-12-01","degree":"BACHELOR"}""".formatted(id);
    }

    public static String credit(String awardId, String hours) {
        return """
                {"awardId":"%s","year":2025,"category":"PROFESSIONAL","activity":"BASE_TRAINING","hours":%s,
                 "baseId":"base-1","sessionId":"s-1","approvedBy":"内蒙古人社厅","completedOn":"2025-03-10"}"""
                .formatted(awardId, hours);
    }
}
