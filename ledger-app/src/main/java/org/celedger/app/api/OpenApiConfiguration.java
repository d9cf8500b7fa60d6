package org.celedger.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.celedger.app.consistency.ReadConsistency;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document at {@code /v3/api-docs} (OpenAPI 3.0): the contract of docs/API.md, with bearer API keys.
 *
 * <p>Springdoc describes each operation's success from its controller method; {@link #everyAnswer()} adds, in
 * one place, every other status an operation can answer, as the code answers them: each error as the
 * {@code Problem} schema in {@code application/problem+json}, and the headers of the answers. The schemas
 * of answers are made exact by {@link AnswerSchemas}. The HTTP tests validate every answer they receive
 * against this document ({@code Api} in the tests).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** Posts that record no fact of their own, so nothing they say can conflict with one recorded. */
    private static final Set<String> NO_CONFLICT = Set.of("POST /api/v1/what-if", "POST /api/v1/api-keys",
            "POST /api/v1/admin/rebuilds", "POST /api/v1/batches", "POST /api/v1/inspection-samples");

    /** Writes whose answer is not a receipt but whose facts the recorded ones can refuse: a key revoked or rotated. */
    private static final Set<String> CONFLICTS = Set.of("POST /api/v1/api-keys/{keyId}/revocations",
            "POST /api/v1/api-keys/{keyId}/rotations");

    /** Operations whose success is not springdoc's 200: a rebuild is started, and runs after the answer. */
    private static final Map<String, String> SUCCESS = Map.of("POST /api/v1/admin/rebuilds", "202");

    /**
     * The fields a request body declared in a controller must hold, by schema (the writes of {@link WriteRequests}
     * say theirs on their records): what the command or the controller refuses with 422 when absent.
     */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("BaseRegistration", List.of("baseId", "name", "level", "jurisdiction", "region")),
            Map.entry("StatusChange", List.of("changeId", "status", "reason")),
            Map.entry("SessionPlan", List.of("sessionId", "title", "category", "mode", "startDate", "endDate",
                    "location", "capacity")),
            Map.entry("Roster", List.of("entries")),
            Map.entry("RosterRowRequest", List.of("practitionerId", "hours", "category")),
            Map.entry("Inspection", List.of("inspectionId", "inspector", "date", "verdict")),
            Map.entry("SampleRequest", List.of("year", "size", "seed")),
            Map.entry("NewKey", List.of("name", "roles")),
            Map.entry("CertificationRequest", List.of("certificationId", "purpose", "level", "year")),
            Map.entry("WhatIfRequest", List.of("level", "baseline", "candidate")),
            Map.entry("RebuildRequest", List.of("projection")),
            Map.entry("Batch", List.of("items")));

    /**
     * The ids a write names, as ledger-domain's {@code FactChecks.id} and {@code FactChecks.awardId} check them
     * (422 otherwise); {@code OpenApiContractTest} holds them equal.
     */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$";
    public static final String AWARD_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,200}$";
    private static final Set<String> ID_FIELDS = Set.of("id", "baseId", "sessionId", "practitionerId", "correctionId",
            "conversionId", "exemptionId", "transferId", "certificationId", "changeId", "inspectionId");

    /**
     * Reads that wait for a view without a {@code waitForPosition} of the caller's: a session's roster waits for
     * the supervision view to reach the base's stream, 503 with Retry-After past the wait.
     */
    private static final Set<String> UNAVAILABLE = Set.of("GET /api/v1/bases/{baseId}/sessions/{sessionId}/roster");

    /** Reads without a path parameter that answer 404: the current rebuild, when none ran. */
    private static final Set<String> NOT_FOUND = Set.of("GET /api/v1/admin/rebuilds/current");

    @Bean
    public OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ce-ledger").version("v1").description(
                        "System of record for the continuing-education hours of professional and technical personnel. "
                                + "Every write names its own id (the idempotency key); errors are application/problem+json."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    @Bean
    public AnswerSchemas answerSchemas(ObjectMapper json,
                                       @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new AnswerSchemas(json, mappings);
    }

    /**
     * Every answer of every operation: derived from what the code does, so that an endpoint added later is
     * described by the same rules.
     * <ul>
     * <li>every operation: 401 without a valid key, 403 for a key without the role or base
     * ({@code SecurityConfiguration}, {@code IntegratorScope}), 406 for an Accept it cannot satisfy, 422 for a
     * query parameter given twice or of the wrong type ({@code StrictQueryParameters}), 429 after too many wrong
     * keys ({@code FailedAuthentications}), 500 for a failure of the ledger's own;</li>
     * <li>with a body: 400 unreadable, 413 past its limit ({@code RequestBodyLimit}), 415 another content type,
     * 422 a body that does not fit;</li>
     * <li>with a path parameter (but a rule set's id, whose unknown value is 422): 404 for an unknown
     * practitioner, base, fact or certification;</li>
     * <li>a write that records a fact under its own id: 201 ACCEPTED and 200 DUPLICATE, each with the headers
     * Ledger-Sequence and Ledger-Position, and 409 for other content under a used id or a fact its aggregate's
     * state refuses;</li>
     * <li>a read over a view ({@code waitForPosition}): the header Ledger-Consistent-Through, and 503 with
     * Retry-After when the view does not reach the position in time ({@code ReadConsistency}); a batch: 503 with
     * Retry-After when too many are in progress.</li>
     * </ul>
     */
    @Bean
    public OpenApiCustomizer everyAnswer() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(PROBLEM, problem());
            REQUIRED.forEach((schema, fields) -> {
                Schema<?> request = components.getSchemas().get(schema);
                if (request != null) {
                    request.setRequired(fields);
                }
            });
            if (components.getSchemas().remove("ProblemDetail") != null) {
                // a batch item's problem: the same problem as a single write's
                components.getSchemas().values().forEach(OpenApiConfiguration::problemReferences);
            }
            if (openApi.getPaths() == null) {
                return;
            }
            requestSchemas(openApi).forEach(OpenApiConfiguration::idPatterns);
            bodiesReadAsTrees(components);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    answers(openApi, method, path, operation)));
        };
    }

    private static void answers(OpenAPI openApi, PathItem.HttpMethod method, String path, Operation operation) {
        String key = method + " " + path;
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (type.startsWith("text/") && path.endsWith("/roster")) {
                    // bytes as sent (a 花名册 in UTF-8 or GBK), not base64
                    media.schema(new StringSchema().format("binary").description("the roster as CSV: header row "
                            + "序号,姓名,性别,身份证号 (or 人员编号),单位,学时,科目类别; UTF-8 or GBK"));
                }
            });
        }
        ApiResponses responses = operation.getResponses();
        ApiResponse success = responses.get("200");
        if (SUCCESS.containsKey(key) && success != null) {
            responses.remove("200");
            responses.put(SUCCESS.get(key), success.description("Accepted"));
        }
        boolean body = operation.getRequestBody() != null;
        boolean view = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> ReadConsistency.WAIT_PARAMETER.equals(p.getName()));
        boolean receipt = success != null && recordsAFact(openApi, success);
        if (receipt) {
            success.description("DUPLICATE: the same fact was already recorded under this id; nothing changed")
                    .addHeaderObject(ReadConsistency.SEQUENCE_HEADER, number(true, "the stream's sequence with the fact in it"))
                    .addHeaderObject(ReadConsistency.POSITION_HEADER, number(true, "that event's global position"));
            responses.put("201", new ApiResponse().description("ACCEPTED: recorded now").content(success.getContent())
                    .headers(success.getHeaders()));
        }
        if (view) {
            for (String status : List.of("200", "201")) {
                if (responses.get(status) != null) {
                    responses.get(status).addHeaderObject(ReadConsistency.CONSISTENT_THROUGH_HEADER, number(true,
                            "every event at or below this global position is reflected"));
                }
            }
        }
        if (method == PathItem.HttpMethod.GET && path.startsWith("/api/v1/practitioners/{id}") && success != null) {
            boolean knownAt = operation.getParameters().stream().anyMatch(p -> "knownAt".equals(p.getName()));
            success.addHeaderObject(ReadConsistency.SEQUENCE_HEADER, number(true,
                            "the practitioner's last sequence the answer reflects"))
                    .addHeaderObject(ReadConsistency.POSITION_HEADER, number(!knownAt,
                            "that event's global position" + (knownAt ? " (not with knownAt)" : "")));
        }
        error(responses, "401", "No API key, or an unknown one").addHeaderObject("WWW-Authenticate", new Header()
                .required(true).schema(new StringSchema()._enum(List.of("Bearer"))));
        error(responses, "403", "The key has no role that allows this, or names other bases");
        error(responses, "406", "The Accept header refuses every type this operation answers");
        error(responses, "422", body ? "The body or a query parameter does not fit (the field is named)"
                : "A query parameter is of the wrong type, not among its values, or given twice (named)");
        error(responses, "429", "Too many wrong API keys from this address").addHeaderObject("Retry-After",
                number(true, "seconds until a wrong key is counted again"));
        error(responses, "500", "The ledger failed; nothing was recorded unless a retry says DUPLICATE");
        if (body) {
            error(responses, "400", "The body is not readable JSON (or not in the form this endpoint reads)");
            error(responses, "413", "The body is larger than this endpoint's limit");
            error(responses, "415", "The body is of a content type this endpoint does not read");
        }
        if ((path.contains("{") && !path.startsWith("/api/v1/rule-sets/")) || NOT_FOUND.contains(key)) {
            error(responses, "404", "What the path names is not recorded");
        }
        boolean roster = method == PathItem.HttpMethod.POST && path.endsWith("/roster");
        if ((receipt || roster || CONFLICTS.contains(key)) && !NO_CONFLICT.contains(key)) {
            error(responses, "409", "Other content under an id already used, or a fact the recorded ones refuse");
        }
        if (view || "POST /api/v1/batches".equals(key) || UNAVAILABLE.contains(key)) {
            error(responses, "503", view ? "The view has not reached waitForPosition in time; ask again"
                    : UNAVAILABLE.contains(key) ? "The view has not reached the base's last write in time; ask again"
                    : "Too many batches are in progress; nothing of this one was written").addHeaderObject(
                    "Retry-After", number(true, "seconds to wait before asking again"));
        }
        Map<String, ApiResponse> byStatus = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(byStatus);
    }

    /**
     * The members a controller reads from a JSON tree itself, which springdoc sees as any value: a what-if's
     * candidate, a batch's items.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void bodiesReadAsTrees(Components components) {
        Schema<?> whatIf = components.getSchemas().get("WhatIfRequest");
        if (whatIf != null && whatIf.getProperties() != null) {
            Schema variant = new ObjectSchema().addProperty("base", new StringSchema().description("a rule-set id"))
                    .addProperty("parameters", new ObjectSchema().additionalProperties(Boolean.TRUE)
                            .description("changed parameters by path, as GET /api/v1/rule-sets/{id} lists them"));
            variant.setRequired(List.of("base", "parameters"));
            ((Map) whatIf.getProperties()).put("candidate", new io.swagger.v3.oas.models.media.ComposedSchema()
                    .oneOf(List.of(new StringSchema().description("a rule-set id"), variant))
                    .description("a rule-set id, or a rule set with changed parameters"));
        }
        Schema<?> batch = components.getSchemas().get("Batch");
        if (batch != null && batch.getProperties() != null) {
            Schema item = new ObjectSchema().additionalProperties(Boolean.TRUE).description("the body of the single "
                    + "write, with its practitionerId and, for revocations and reassignments, the id of the fact")
                    .addProperty("type", new StringSchema()._enum(java.util.Arrays.stream(WriteKind.types().split(", "))
                            .toList()))
                    .addProperty("practitionerId", new StringSchema());
            item.setRequired(List.of("type"));
            ((Map) batch.getProperties()).put("items", new ArraySchema().items(item).maxItems(BatchController.MAX_ITEMS));
        }
    }

    /** The schemas of request bodies, and the schemas they hold. */
    private static Set<Schema<?>> requestSchemas(OpenAPI openApi) {
        Set<Schema<?>> found = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> reach(openApi, media.getSchema(), found));
            }
        }));
        return found;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void reach(OpenAPI openApi, Schema<?> schema, Set<Schema<?>> found) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            reach(openApi, openApi.getComponents().getSchemas().get(
                    schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)), found);
            return;
        }
        if (!found.add(schema)) {
            return;
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) (Map) schema.getProperties()).values().forEach(p -> reach(openApi, p, found));
        }
        reach(openApi, schema.getItems(), found);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void idPatterns(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        ((Map<String, Schema>) (Map) schema.getProperties()).forEach((name, property) -> {
            if ("string".equals(property.getType()) && (ID_FIELDS.contains(name) || "awardId".equals(name))) {
                property.setPattern("awardId".equals(name) ? AWARD_ID_PATTERN : ID_PATTERN);
            }
        });
    }

    /** Whether a success answers the outcome of an idempotent write: its {@code status} is ACCEPTED or DUPLICATE. */
    private static boolean recordsAFact(OpenAPI openApi, ApiResponse success) {
        if (success.getContent() == null) {
            return false;
        }
        for (MediaType media : success.getContent().values()) {
            Schema<?> schema = media.getSchema();
            if (schema != null && schema.get$ref() != null) {
                schema = openApi.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            }
            Schema<?> status = schema == null || schema.getProperties() == null ? null : schema.getProperties().get("status");
            if (status != null && status.getEnum() != null && status.getEnum().contains("ACCEPTED")
                    && status.getEnum().contains("DUPLICATE")) {
                return true;
            }
        }
        return false;
    }

    private static ApiResponse error(ApiResponses responses, String status, String description) {
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        responses.put(status, response);
        return response;
    }

    private static Header number(boolean required, String description) {
        return new Header().required(required).description(description)
                .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO));
    }

    /** RFC 9457 problem details, as every error is answered ({@link Problems}). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problem() {
        Schema problem = new ObjectSchema()
                .description("An error, RFC 9457 problem details: title, status, a sentence in detail (quoting at most "
                        + "100 characters of the request) and the field it is about")
                .addProperty("type", new StringSchema().pattern("^urn:ce-ledger:problem:[a-z0-9-]+$|^about:blank$")
                        .description("urn:ce-ledger:problem: and the title, lowercase"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().maxLength(501))
                .addProperty("instance", new StringSchema().description("the request's path"))
                .addProperty("field", new StringSchema().description("what the error is about: a JSON path such as "
                        + "entries[0].hours, a query parameter, content-type, accept, authorization or method"))
                .addProperty("fields", new ArraySchema().items(new StringSchema()))
                .addProperty("index", new IntegerSchema().description("a batch item's position, from 0"))
                .addProperty("consistentThrough", new IntegerSchema().format("int64")
                        .description("503 of a view behind: the position it is consistent through"))
                .addProperty("waitForPosition", new IntegerSchema().format("int64")
                        .description("503 of a view behind: the position asked for"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        problem.setAdditionalProperties(Boolean.FALSE);
        return problem;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void problemReferences(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if ("#/components/schemas/ProblemDetail".equals(schema.get$ref())) {
            schema.set$ref("#/components/schemas/" + PROBLEM);
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) (Map) schema.getProperties()).values().forEach(OpenApiConfiguration::problemReferences);
        }
        problemReferences(schema.getItems());
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> problemReferences((Schema<?>) s));
        }
    }
}
