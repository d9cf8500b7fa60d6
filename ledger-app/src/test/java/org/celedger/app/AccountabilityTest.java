package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.celedger.app.audit.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every fact says who recorded it: the key (its id, never its secret, its name, roles and bases) and the
 * request, as event metadata, shown in the history; a roster's credits name the base's key and the process
 * that wrote them; an event stored before actors were kept reads as unknown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + AccountabilityTest.ADMIN, "ledger.evaluation-year=2026"})
class AccountabilityTest {

    static final String ADMIN = "accountability-admin-key";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/accountability-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail auditTrail;
    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 6);
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    static String keyId(String key) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return "key-" + HexFormat.of().formatHex(hash).substring(0, 16);
    }

    String post(String path, String key, String body, String requestId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return r.body();
    }

    @Test
    void everyFactInTheHistorySaysWhoRecordedItAndOnWhichRequest() throws Exception {
        String baseId = "steel-" + run;
        String baseKey = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"钢铁基地平台\",\"roles\":[\"INTEGRATOR\"],"
                + "\"baseIds\":[\"" + baseId + "\"]}").body().path("key").asText();
        String platformKey = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"在线学习平台\",\"roles\":[\"INTEGRATOR\"]}")
                .body().path("key").asText();
        String p = "actor-" + run;
        post("/api/v1/practitioners", ADMIN, Api.registration(p), "req-register");
        post("/api/v1/bases", ADMIN, "{\"baseId\":\"" + baseId + "\",\"name\":\"钢铁培训基地\",\"level\":\"REGIONAL\","
                + "\"jurisdiction\":\"IM\",\"region\":\"包头市\"}", "req-base");
        post("/api/v1/bases/" + baseId + "/sessions", baseKey, "{\"sessionId\":\"s1\",\"title\":\"培训\","
                + "\"category\":\"PROFESSIONAL\",\"mode\":\"ONLINE\",\"startDate\":\"2026-11-09\",\"endDate\":\"2026-11-10\","
                + "\"location\":\"线上\",\"capacity\":40}", "req-plan");
        post("/api/v1/bases/" + baseId + "/sessions/s1/roster", baseKey, "{\"entries\":[{\"practitionerId\":\"" + p
                + "\",\"hours\":16,\"category\":\"PROFESSIONAL\"}]}", "req-roster");
        post("/api/v1/practitioners/" + p + "/credits", platformKey, "{\"awardId\":\"online-1\",\"year\":2026,"
                + "\"category\":\"PUBLIC\",\"activity\":\"ONLINE_PLATFORM\",\"hours\":10,\"approvedBy\":\"平台\","
                + "\"completedOn\":\"2026-03-10\"}", "req-credit");

        JsonNode history = api.get("/api/v1/practitioners/" + p + "/history", ADMIN).body();
        assertThat(history).hasSize(3);
        JsonNode registered = history.get(0).path("actor");
        assertThat(registered.path("keyId").asText()).isEqualTo(keyId(ADMIN));
        assertThat(registered.path("name").asText()).isEqualTo("LEDGER_ADMIN_KEY");
        assertThat(registered.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(registered.path("requestId").asText()).isEqualTo("req-register");

        JsonNode roster = history.get(1);
        assertThat(roster.path("payload").path("awardId").asText()).isEqualTo("s1/" + p);
        assertThat(roster.path("actor").path("keyId").asText()).isEqualTo(keyId(baseKey));
        assertThat(roster.path("actor").path("name").asText()).isEqualTo("钢铁基地平台");
        assertThat(roster.path("actor").path("bases").toString()).isEqualTo("[\"" + baseId + "\"]");
        assertThat(roster.path("actor").path("requestId").asText()).isEqualTo("req-roster");
        assertThat(roster.path("actor").path("via").asText()).isEqualTo("roster-credits");

        JsonNode credit = history.get(2).path("actor");
        assertThat(credit.path("keyId").asText()).isEqualTo(keyId(platformKey));
        assertThat(credit.path("name").asText()).isEqualTo("在线学习平台");
        assertThat(credit.path("roles").toString()).isEqualTo("[\"INTEGRATOR\"]");
        assertThat(credit.path("requestId").asText()).isEqualTo("req-credit");
        assertThat(credit.path("via").isNull()).isTrue();
        assertThat(history.toString()).as("a key's secret is never shown").doesNotContain(platformKey).doesNotContain(baseKey);

        // every contribution of a trace says who recorded its event: the yearly items and a decision's rows
        JsonNode items = api.get("/api/v1/practitioners/" + p + "/years", ADMIN).body().get(0).path("items");
        assertThat(items).hasSize(2);
        for (JsonNode item : items) {
            String expected = item.path("sequence").asLong() == 1 ? keyId(baseKey) : keyId(platformKey);
            assertThat(item.path("recordedBy").path("keyId").asText()).as(item.toString()).isEqualTo(expected);
        }
        assertThat(items.get(0).path("recordedBy")).isEqualTo(history.get((int) items.get(0).path("sequence").asLong())
                .path("actor"));
        JsonNode decision = api.get("/api/v1/practitioners/" + p + "/eligibility?level=INTERMEDIATE&year=2026", ADMIN)
                .body();
        List<JsonNode> contributions = new java.util.ArrayList<>();
        decision.path("requirements").forEach(r -> r.path("contributions").forEach(contributions::add));
        assertThat(contributions).as(decision.toString()).isNotEmpty().allSatisfy(c -> assertThat(c.path("recordedBy"))
                .isEqualTo(history.get((int) c.path("sequence").asLong()).path("actor")));

        // the audit trail: what the platform's key did, and everything recorded about the practitioner
        JsonNode byKey = api.get("/api/v1/audit?actor=" + keyId(platformKey), ADMIN).body();
        assertThat(byKey.path("entries")).hasSize(1);
        assertThat(byKey.path("entries").get(0).path("stream").asText()).isEqualTo(p);
        assertThat(byKey.path("entries").get(0).path("type").asText()).isEqualTo("CreditAwarded");
        assertThat(byKey.path("entries").get(0).path("sequence").asLong()).isEqualTo(2);
        assertThat(byKey.path("complete").asBoolean()).isTrue();
        String auditor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"审计\",\"roles\":[\"AUDITOR\"]}")
                .body().path("key").asText();
        JsonNode aboutP = api.get("/api/v1/audit?practitionerId=" + p, auditor).body();
        assertThat(aboutP.path("entries")).hasSize(3);
        assertThat(aboutP.path("entries").get(1).path("actor").path("via").asText()).isEqualTo("roster-credits");
        JsonNode page = api.get("/api/v1/audit?actor=" + keyId(baseKey) + "&limit=1", ADMIN).body();
        assertThat(page.path("entries")).hasSize(1);
        assertThat(page.path("entries").get(0).path("stream").asText()).isEqualTo("base/" + baseId);
        assertThat(page.path("complete").asBoolean()).isFalse();
        JsonNode next = api.get("/api/v1/audit?actor=" + keyId(baseKey) + "&limit=10&after="
                + page.path("scannedThrough").asLong(), ADMIN).body();
        assertThat(next.path("entries")).as("the roster, then its credit").hasSize(2);
        assertThat(api.get("/api/v1/audit?actor=" + keyId(baseKey), baseKey).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit", ADMIN).field()).isEqualTo("actor");
        assertThat(api.get("/api/v1/audit?actor=x&limit=0", ADMIN).field()).isEqualTo("limit");
    }

    @Test
    void aBatchsItemsNameTheBatchsRequestAndAnEventStoredWithoutAnActorReadsAsUnknown() throws Exception {
        String p = "old-" + run;
        post("/api/v1/batches", ADMIN, "{\"items\":[{\"type\":\"practitioner\"," + Api.registration(p).substring(1)
                + ",{\"type\":\"credit\",\"practitionerId\":\"" + p + "\",\"awardId\":\"a1\",\"year\":2026,"
                + "\"category\":\"PUBLIC\",\"activity\":\"ONLINE_PLATFORM\",\"hours\":10,\"approvedBy\":\"平台\","
                + "\"completedOn\":\"2026-03-10\"}]}", "req-batch");
        JsonNode history = api.get("/api/v1/practitioners/" + p + "/history", ADMIN).body();
        assertThat(history.get(0).path("actor").path("requestId").asText()).isEqualTo("req-batch");
        assertThat(history.get(1).path("actor").path("requestId").asText()).isEqualTo("req-batch");

        // as an event recorded before actors were kept: metadata without them, rewritten in place under the running
        // ledger, which must then forget the actors it kept of that stream when it appended it
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                "{}".getBytes(StandardCharsets.UTF_8), p);
        JsonNode kept = api.get("/api/v1/practitioners/" + p + "/years", ADMIN).body().get(0).path("items").get(0);
        assertThat(kept.path("recordedBy").path("requestId").asText())
                .as("the actor this node kept when it appended the event, read without the store").isEqualTo("req-batch");
        auditTrail.forget(p);
        JsonNode old = api.get("/api/v1/practitioners/" + p + "/history", ADMIN).body().get(1).path("actor");
        assertThat(old.path("keyId").asText()).isEqualTo("unknown");
        assertThat(old.path("name").isNull()).isTrue();
        JsonNode item = api.get("/api/v1/practitioners/" + p + "/years", ADMIN).body().get(0).path("items").get(0);
        assertThat(item.path("recordedBy").path("keyId").asText()).isEqualTo("unknown");
    }
}
