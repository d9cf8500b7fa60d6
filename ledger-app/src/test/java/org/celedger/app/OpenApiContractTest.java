package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.celedger.app.api.OpenApiConfiguration;
import org.celedger.domain.FactChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document is the contract: it describes every endpoint of the API, and for each operation every
 * status it can answer, errors as the {@code Problem} schema. Every operation is sent here with a request that
 * succeeds and with requests it refuses; {@link Api} checks each answer against the served document (status,
 * content type, headers and body), so an answer the document does not describe fails this test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + OpenApiContractTest.ADMIN, "ledger.consistency.max-wait=3s",
                "ledger.auth.failed-keys-per-minute=3"})
class OpenApiContractTest {

    static final String ADMIN = "openapi-contract-admin-key";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/openapi-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;
    JsonNode document;

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
        Api.Response served = api.get("/v3/api-docs", null);
        document = served.body();
        try {
            // the document the HTTP tests hold the answers to, for a reader of the build
            Files.writeString(Path.of("target/openapi.json"), served.raw());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyEndpointIsDescribedWithEveryErrorItCanAnswer() {
        assertThat(document.path("openapi").asText()).startsWith("3.0");
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> served.add(m + " " + p))));
        Set<String> described = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(described).isEqualTo(served);

        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path("CreditAward").path("properties").path("awardId").path("pattern").asText())
                .isEqualTo(OpenApiConfiguration.AWARD_ID_PATTERN).isEqualTo("^" + domainPattern("AWARD_ID") + "$");
        assertThat(schemas.path("PractitionerRegistration").path("properties").path("id").path("pattern").asText())
                .isEqualTo(OpenApiConfiguration.ID_PATTERN).isEqualTo("^" + domainPattern("ID") + "$");

        // answers are exact (AnswerSchemas): every member Jackson always writes is required, and no other is allowed
        assertThat(schemas.path("WriteReceipt").path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("status", "type", "id", "factId", "sequence", "position");
        assertThat(schemas.path("WriteReceipt").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemas.path("Decision").path("properties").path("referenceStatus").path("nullable").asBoolean())
                .isTrue();
        // left out when null: optional, but a primitive is never left out
        assertThat(schemas.path("RosterRow").path("required")).extracting(JsonNode::asText).containsExactly("row");

        JsonNode problem = schemas.path("Problem");
        assertThat(problem.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("type", "title", "status", "detail");
        List<String> missing = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().path("responses");
            List<String> expected = new ArrayList<>(List.of("401", "403", "406", "422", "429", "500"));
            if (op.getValue().has("requestBody")) {
                expected.addAll(List.of("400", "413", "415"));
            }
            for (String status : expected) {
                String ref = responses.path(status).path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText();
                if (!ref.equals("#/components/schemas/Problem")) {
                    missing.add(op.getKey() + " " + path.getKey() + " " + status);
                }
            }
            responses.fieldNames().forEachRemaining(status -> {
                if (status.startsWith("2") && !responses.path(status).path("content").has("application/json")) {
                    missing.add(op.getKey() + " " + path.getKey() + " " + status + " as application/json");
                }
            });
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() {
        String auditor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"auditor\",\"roles\":[\"AUDITOR\"]}").body()
                .path("key").asText();
        // keys: 201, 422, 400, 401, 403
        expect(api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"\",\"roles\":[\"AUDITOR\"]}"), 422);
        expect(api.post("/api/v1/api-keys", ADMIN, "{\"name\":"), 400);
        expect(api.post("/api/v1/api-keys", null, "{}"), 401);
        expect(api.post("/api/v1/api-keys", auditor, "{}"), 403);
        expect(api.get("/api/v1/admin/rebuilds/current", ADMIN), 404);

        // writes about a practitioner
        String p = "/api/v1/practitioners/oa-p";
        expect(api.post("/api/v1/practitioners", ADMIN, Api.registration("oa-p")), 201);
        expect(api.post("/api/v1/practitioners", ADMIN, Api.registration("oa-p")), 200);
        expect(api.post("/api/v1/practitioners", ADMIN, Api.registration("oa-p").replace("王芳", "李明")), 409);
        expect(api.post("/api/v1/practitioners", ADMIN, "{\"id\":\"oa-q\"}"), 422);
        expect(api.send("POST", "/api/v1/practitioners", ADMIN, "id=oa-q", "Content-Type", "text/plain"), 415);
        expect(api.post("/api/v1/practitioners", ADMIN, "{\"id\":\"" + "x".repeat(1_100_000) + "\"}"), 413);
        expect(api.post(p + "/profile-corrections", ADMIN,
                "{\"correctionId\":\"pc-1\",\"changes\":{\"region\":\"包头市\"},\"reason\":\"户籍迁移\"}"), 201);
        expect(api.post("/api/v1/practitioners/oa-nobody/profile-corrections", ADMIN,
                "{\"correctionId\":\"pc-1\",\"changes\":{\"region\":\"包头市\"},\"reason\":\"户籍迁移\"}"), 404);
        expect(api.post(p + "/credits", ADMIN, Api.credit("oa-a1", "32")), 201);
        expect(api.post(p + "/credits", ADMIN, Api.credit("oa-a1", "32")), 200);
        expect(api.post(p + "/credits", ADMIN, Api.credit("oa-a1", "33")), 409);
        expect(api.post(p + "/credits", ADMIN, Api.credit("oa-a2", "\"many\"")), 422);
        expect(api.post(p + "/credits", ADMIN, Api.credit("oa-a3", "10")), 201);
        expect(api.post(p + "/credits/oa-a1/revocations", ADMIN, "{\"reason\":\"重复登记\"}"), 201);
        expect(api.post(p + "/credits/oa-none/revocations", ADMIN, "{\"reason\":\"重复登记\"}"), 404);
        expect(api.post(p + "/credits/oa-a3/reassignments", ADMIN, "{\"targetYear\":2024,\"reason\":\"补学\"}"), 201);
        expect(api.post(p + "/conversions", ADMIN, "{\"conversionId\":\"oa-c1\",\"kind\":\"QUALIFICATION_EXAM_PASSED\","
                + "\"date\":\"2025-06-01\",\"inRegion\":true,\"evidence\":\"证书\"}"), 201);
        expect(api.post(p + "/conversions/oa-c1/revocations", ADMIN, "{\"reason\":\"证书有误\"}"), 201);
        expect(api.post(p + "/exemptions", ADMIN, "{\"exemptionId\":\"oa-e1\",\"kind\":\"COVID_FRONTLINE\",\"years\":[2022],"
                + "\"evidence\":\"表彰文件\",\"grantedBy\":\"自治区人社厅\"}"), 201);
        expect(api.post(p + "/exemptions/oa-e1/revocations", ADMIN, "{\"reason\":\"误录\"}"), 201);
        expect(api.post(p + "/transfers", ADMIN, "{\"transferId\":\"oa-t1\",\"kind\":\"BETWEEN_EMPLOYERS\","
                + "\"effectiveDate\":\"2025-07-01\"}"), 201);
        Api.Response batch = expect(api.post("/api/v1/batches", ADMIN, "{\"items\":[{\"type\":\"credit\",\"practitionerId\":"
                + "\"oa-p\",\"awardId\":\"oa-b1\",\"year\":2025,\"category\":\"PUBLIC\",\"activity\":\"ONLINE_PLATFORM\","
                + "\"hours\":30,\"approvedBy\":\"平台\",\"completedOn\":\"2025-05-01\"},{\"type\":\"credit\"}]}"), 200);
        assertThat(batch.body().path("results").path(1).path("problem").path("status").asInt()).isEqualTo(422);

        // reads of one practitioner
        expect(api.get(p, ADMIN), 200);
        expect(api.get("/api/v1/practitioners/oa-nobody", ADMIN), 404);
        expect(api.get(p, auditor), 200);
        expect(api.get(p + "/years", ADMIN), 200);
        expect(api.get(p + "/eligibility?level=INTERMEDIATE&year=2025", ADMIN), 200);
        String registeredAt = api.get(p + "/history", ADMIN).body().path(0).path("recordedAt").asText();
        expect(api.get(p + "/eligibility?level=INTERMEDIATE&year=2025&knownAt=" + registeredAt, ADMIN), 200);
        expect(api.get(p + "/eligibility?level=INTERMEDIATE&knownAt=2000-01-01T00:00:00Z", ADMIN), 404);
        expect(api.get(p + "/eligibility?level=INTERMEDIATE&purpose=SOMETHING", ADMIN), 422);
        expect(api.get(p + "/eligibility?level=INTERMEDIATE&year=2025&year=2024", ADMIN), 422);
        expect(api.send("GET", p + "/years", ADMIN, null, "Accept", "text/csv"), 406);
        expect(api.post(p + "/certifications", ADMIN, "{\"certificationId\":\"oa-cert\",\"purpose\":\"TITLE_EVALUATION\","
                + "\"level\":\"INTERMEDIATE\",\"year\":2025}"), 201);
        expect(api.get(p + "/certifications/oa-cert", ADMIN), 200);
        expect(api.get(p + "/certifications/oa-none", ADMIN), 404);
        expect(api.get("/api/v1/rule-sets", ADMIN), 200);
        expect(api.get("/api/v1/rule-sets/IM-2025", ADMIN), 200);
        expect(api.get("/api/v1/rule-sets/XX-1999", ADMIN), 422);
        expect(api.get("/api/v1/audit?practitionerId=oa-p", ADMIN), 200);
        expect(api.get("/api/v1/audit", ADMIN), 422);

        // personal data: a person's copy, and who read it
        expect(api.get(p + "/personal-data-export", ADMIN), 200);
        expect(api.get("/api/v1/practitioners/oa-nobody/personal-data-export", ADMIN), 404);
        expect(api.get("/api/v1/access-log?practitionerId=oa-p", ADMIN), 200);
        expect(api.get("/api/v1/access-log?limit=0", ADMIN), 422);
        expect(api.get("/api/v1/practitioners?idNumber=150102198005170023", ADMIN), 200);
        expect(api.get("/api/v1/practitioners?name=" + java.net.URLEncoder.encode("王芳", java.nio.charset.StandardCharsets.UTF_8),
                ADMIN), 200);
        expect(api.get("/api/v1/practitioners?idNumber=150102198005170024", ADMIN), 422);
        expect(api.get("/api/v1/practitioners", ADMIN), 422);
        expect(api.post("/api/v1/practitioners", ADMIN, Api.registration("oa-erased")), 201);
        String erasure = "{\"erasureId\":\"oa-er\",\"reason\":\"本人申请\",\"legalBasis\":\"PIPL art. 47\"}";
        expect(api.post("/api/v1/practitioners/oa-erased/erasures", ADMIN, erasure), 201);
        expect(api.post("/api/v1/practitioners/oa-erased/erasures", ADMIN, erasure), 200);
        expect(api.post("/api/v1/practitioners/oa-erased/erasures", ADMIN, "{\"erasureId\":\"oa-er2\",\"reason\":\"x\","
                + "\"legalBasis\":\"PIPL\"}"), 409);
        expect(api.post("/api/v1/practitioners/oa-nobody/erasures", ADMIN, erasure), 404);
        expect(api.post("/api/v1/practitioners/oa-erased/erasures", ADMIN, "{\"erasureId\":\"oa-er3\"}"), 422);

        // bases and supervision
        expect(api.post("/api/v1/bases", ADMIN, "{\"baseId\":\"oa-base\",\"name\":\"基地\",\"level\":\"REGIONAL\","
                + "\"jurisdiction\":\"IM\",\"region\":\"包头市\"}"), 201);
        expect(api.post("/api/v1/bases/oa-base/sessions", ADMIN, "{\"sessionId\":\"oa-s\",\"title\":\"专题\","
                + "\"category\":\"PROFESSIONAL\",\"mode\":\"IN_PERSON\",\"startDate\":\"2025-11-03\",\"endDate\":\"2025-11-04\","
                + "\"location\":\"包头市\",\"capacity\":30}"), 201);
        Api.Response roster = expect(api.post("/api/v1/bases/oa-base/sessions/oa-s/roster", ADMIN,
                "{\"entries\":[{\"practitionerId\":\"oa-p\",\"hours\":16,\"category\":\"PROFESSIONAL\"},"
                        + "{\"practitionerId\":\"oa-nobody\",\"hours\":16,\"category\":\"PROFESSIONAL\"}]}"), 200);
        expect(api.send("POST", "/api/v1/bases/oa-base/sessions/oa-s/roster", ADMIN,
                "序号,姓名,性别,人员编号,单位,学时,科目类别\n1,王芳,女,oa-p,单位,16,专业科目\n", "Content-Type", "text/csv"), 200);
        expect(api.post("/api/v1/bases/oa-base/sessions/oa-s/inspections", ADMIN, "{\"inspectionId\":\"oa-i\","
                + "\"inspector\":\"人社厅\",\"date\":\"2025-11-04\",\"verdict\":\"CONFIRMED\"}"), 201);
        expect(api.post("/api/v1/bases/oa-base/sessions/oa-none/inspections", ADMIN, "{\"inspectionId\":\"oa-i\","
                + "\"inspector\":\"人社厅\",\"date\":\"2025-11-04\",\"verdict\":\"CONFIRMED\"}"), 404);
        expect(api.post("/api/v1/bases/oa-base/status-changes", ADMIN,
                "{\"changeId\":\"oa-w\",\"status\":\"WARNED\",\"reason\":\"计划晚报\"}"), 201);
        expect(api.post("/api/v1/bases/oa-base/status-changes", ADMIN,
                "{\"changeId\":\"oa-w2\",\"status\":\"WARNED\",\"reason\":\"计划晚报\"}"), 409);
        long position = roster.body().path("position").asLong();
        expect(api.get("/api/v1/bases/oa-base?waitForPosition=" + position, ADMIN), 200);
        expect(api.get("/api/v1/bases/oa-nobody", ADMIN), 404);
        Api.Response bases = expect(api.get("/api/v1/bases?jurisdiction=IM", ADMIN), 200);
        assertThat(bases.body().get(0).path("baseId").asText()).isEqualTo("oa-base");
        assertThat(bases.body().get(0).path("sessions").asInt()).isEqualTo(1);
        expect(api.get("/api/v1/bases?jurisdiction=XX", ADMIN), 422);
        expect(api.get("/api/v1/bases/oa-base/sessions/oa-s/roster", ADMIN), 200);
        expect(api.get("/api/v1/bases/oa-base/sessions/oa-none/roster", ADMIN), 404);
        expect(api.get("/api/v1/supervision/sessions?year=2025", ADMIN), 200);
        expect(api.get("/api/v1/supervision/sessions?waitForPosition=" + Long.MAX_VALUE / 2, ADMIN), 503);
        expect(api.post("/api/v1/inspection-samples", ADMIN, "{\"year\":2025,\"size\":1,\"seed\":\"oa\"}"), 201);
        expect(api.post("/api/v1/inspection-samples", ADMIN, "{\"year\":2025,\"size\":1,\"seed\":\"oa\"}"), 200);
        expect(api.post("/api/v1/inspection-samples", ADMIN, "{\"year\":2025,\"size\":1}"), 422);

        // reads over the population
        expect(api.get("/api/v1/eligibility?level=INTERMEDIATE&waitForPosition=" + position, ADMIN), 200);
        expect(api.get("/api/v1/eligibility?size=0", ADMIN), 422);
        expect(api.get("/api/v1/eligibility?waitForPosition=" + Long.MAX_VALUE / 2, ADMIN), 503);
        expect(api.get("/api/v1/statistics?year=2025", ADMIN), 200);
        expect(api.post("/api/v1/what-if", ADMIN, "{\"level\":\"INTERMEDIATE\",\"year\":2025,\"baseline\":\"IM-2025\","
                + "\"candidate\":{\"base\":\"IM-2025\",\"parameters\":{\"reliefs.ageFull.womenAge\":45}}}"), 200);
        expect(api.post("/api/v1/what-if", ADMIN, "{\"level\":\"INTERMEDIATE\",\"candidate\":\"IM-2025\"}"), 422);

        // operations
        expect(api.post("/api/v1/admin/rebuilds", ADMIN, "{\"projection\":\"practitioner-views\"}"), 202);
        expect(api.get("/api/v1/admin/rebuilds/current", ADMIN), 200);
        expect(api.post("/api/v1/admin/rebuilds", ADMIN, "{\"projection\":\"nothing\"}"), 422);

        // too many wrong keys: 429, with Retry-After
        Api.Response refused = null;
        for (int i = 0; i < 5; i++) {
            refused = api.get(p, "wrong-key-" + i);
        }
        expect(refused, 429);
    }

    /** A pattern ledger-domain checks ids against (FactChecks keeps them to itself). */
    private static String domainPattern(String name) {
        try {
            Field field = FactChecks.class.getDeclaredField(name);
            field.setAccessible(true);
            return ((Pattern) field.get(null)).pattern();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("FactChecks." + name + " is gone: say in OpenApiConfiguration what ids are now", e);
        }
    }

    private static Api.Response expect(Api.Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        return response;
    }
}
