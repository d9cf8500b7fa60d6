package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The log of who looked (API.md "Personal data"): every read of a practitioner's personal data is logged
 * before it is answered, with who, when, which practitioner, which endpoint (its template: the path holds
 * the practitioner's id) and the stated purpose; ADMIN reads it per practitioner and per key, and that
 * read is logged too; nothing else can read or change it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + PersonalDataAccessLogTest.ADMIN, "ledger.evaluation-year=2026"})
class PersonalDataAccessLogTest {

    static final String ADMIN = "access-log-admin-key-01";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/access-log-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 6);
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    int read(String path, String key, String purpose) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (purpose != null) {
            request.header("Ledger-Purpose", java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyReadOfAPractitionersDataIsLoggedWithWhoWhatAndWhyAndOnlyAdminReadsTheLog() throws Exception {
        String p = "looked-" + run;
        assertThat(api.post("/api/v1/practitioners", ADMIN, Api.registration(p)).status()).isEqualTo(201);
        String auditor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"职称评审办\",\"roles\":[\"AUDITOR\"]}")
                .body().path("key").asText();
        String integrator = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"平台\",\"roles\":[\"INTEGRATOR\"]}")
                .body().path("key").asText();
        String base = "/api/v1/practitioners/" + p;

        assertThat(read(base, auditor, "2026年中级职称评审")).isEqualTo(200);
        assertThat(read(base + "/history", auditor, null)).isEqualTo(200);
        assertThat(read(base + "/eligibility?level=INTERMEDIATE&year=2026", auditor, "评审\n复核")).isEqualTo(200);
        assertThat(read(base, integrator, "curious")).as("refused before anything is read").isEqualTo(403);
        assertThat(read(base, null, null)).isEqualTo(401);

        JsonNode page = api.get("/api/v1/access-log?practitionerId=" + p, ADMIN).body();
        List<String> seen = new ArrayList<>();
        for (JsonNode e : page.path("entries")) {
            seen.add(e.path("keyId").asText() + " " + e.path("method").asText() + " " + e.path("endpoint").asText()
                    + " " + e.path("purpose").asText(null));
            assertThat(e.path("practitionerId").asText()).isEqualTo(p);
            assertThat(e.path("at").asText()).isNotBlank();
            assertThat(e.path("requestId").asText()).isNotBlank();
        }
        String auditorId = AccountabilityTest.keyId(auditor);
        assertThat(seen).containsExactly(
                auditorId + " GET /api/v1/practitioners/{id} 2026年中级职称评审",
                auditorId + " GET /api/v1/practitioners/{id}/history null",
                auditorId + " GET /api/v1/practitioners/{id}/eligibility 评审 复核",
                // this very read of the log, logged before it ran
                AccountabilityTest.keyId(ADMIN) + " GET /api/v1/access-log null");
        assertThat(page.path("entries").get(0).path("keyName").asText()).isEqualTo("职称评审办");
        assertThat(page.path("complete").asBoolean()).isTrue();

        // reading the log is itself logged: a read by the admin's key finds both of its reads
        JsonNode again = api.get("/api/v1/access-log?keyId=" + AccountabilityTest.keyId(ADMIN) + "&limit=1000", ADMIN).body();
        List<String> adminReads = new ArrayList<>();
        again.path("entries").forEach(e -> adminReads.add(e.path("endpoint").asText() + " " + e.path("practitionerId").asText(null)));
        assertThat(adminReads).contains("/api/v1/access-log " + p, "/api/v1/access-log null");

        JsonNode paged = api.get("/api/v1/access-log?practitionerId=" + p + "&limit=2", ADMIN).body();
        assertThat(paged.path("entries")).hasSize(2);
        assertThat(paged.path("complete").asBoolean()).isFalse();
        JsonNode rest = api.get("/api/v1/access-log?practitionerId=" + p + "&limit=2&after=" + paged.path("last").asLong(),
                ADMIN).body();
        List<String> endpoints = new ArrayList<>();
        rest.path("entries").forEach(e -> endpoints.add(e.path("endpoint").asText()));
        assertThat(endpoints).containsExactly("/api/v1/practitioners/{id}/eligibility", "/api/v1/access-log");

        assertThat(api.get("/api/v1/access-log?practitionerId=" + p, auditor).status()).as("only ADMIN").isEqualTo(403);
        assertThat(api.get("/api/v1/access-log?limit=0", ADMIN).field()).isEqualTo("limit");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_access WHERE endpoint LIKE ?", Long.class,
                "%" + p + "%")).as("an endpoint is its template, never a path holding an id").isZero();
    }

    @Test
    void aPersonsCopyHoldsTheirProfileFactsYearsAndWhoReadThem() throws Exception {
        String p = "copy-" + run;
        assertThat(api.post("/api/v1/practitioners", ADMIN, Api.registration(p)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, """
                {"awardId":"c-1","year":2026,"category":"PUBLIC","activity":"ONLINE_PLATFORM","hours":12,
                 "approvedBy":"平台","completedOn":"2026-03-10"}""").status()).isEqualTo(201);
        String auditor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"审计\",\"roles\":[\"AUDITOR\"]}")
                .body().path("key").asText();
        assertThat(read("/api/v1/practitioners/" + p + "/years", auditor, "核查")).isEqualTo(200);

        String path = "/api/v1/practitioners/" + p + "/personal-data-export";
        assertThat(api.get(path, auditor).status()).as("ADMIN only").isEqualTo(403);
        Api.Response copy = api.get(path, ADMIN);
        assertThat(copy.status()).as(copy.raw()).isEqualTo(200);
        JsonNode export = copy.body();
        assertThat(export.path("practitionerId").asText()).isEqualTo(p);
        assertThat(export.path("profile").path("profile").path("name").asText()).isEqualTo("王芳");
        assertThat(export.path("profile").path("profile").path("birthDate").asText()).isEqualTo("1980-05-17");
        List<String> facts = new ArrayList<>();
        export.path("facts").forEach(f -> facts.add(f.path("type").asText() + " by " + f.path("actor").path("name").asText()));
        assertThat(facts).containsExactly("PractitionerRegistered by LEDGER_ADMIN_KEY", "CreditAwarded by LEDGER_ADMIN_KEY");
        assertThat(export.path("years")).hasSize(1);
        assertThat(export.path("years").get(0).path("public").decimalValue()).isEqualByComparingTo("12");
        List<String> reads = new ArrayList<>();
        export.path("accessLog").forEach(e -> reads.add(e.path("keyName").asText() + " " + e.path("endpoint").asText()));
        assertThat(reads).containsExactly("审计 /api/v1/practitioners/{id}/years",
                "LEDGER_ADMIN_KEY /api/v1/practitioners/{id}/personal-data-export");
        assertThat(export.path("accessLogComplete").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/practitioners/nobody-" + run + "/personal-data-export", ADMIN).status()).isEqualTo(404);
    }
}
