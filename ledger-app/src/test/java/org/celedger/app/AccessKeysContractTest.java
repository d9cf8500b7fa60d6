package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.celedger.app.security.ApiKeyStore;
import org.celedger.domain.key.IssueApiKeyCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * API keys and registrars over HTTP, on H2 and on a real PostgreSQL: keys listed without secrets, revoked (refused at
 * once, by this node and by another reading the same store), rotated (the old key valid until its date), expired,
 * each a recorded fact with its actor; registrars acting within their jurisdictions and regions only, and
 * integrators no longer correcting profiles, granting exemptions or recording transfers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "LEDGER_ADMIN_KEY=" + AccessKeysContractTest.ADMIN)
abstract class AccessKeysContractTest {

    static final String ADMIN = "access-keys-admin-key-01";
    static final String ADMIN_ID = "key-" + sha256(ADMIN).substring(0, 16);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    CommandGateway commands;

    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Another node's view of the keys: its own connections to the same event-store database. */
    ApiKeyStore otherNode;

    @BeforeEach
    void connect() throws SQLException {
        api = new Api("http://127.0.0.1:" + port);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        otherNode = new ApiKeyStore(new JdbcTemplate(new DriverManagerDataSource(pool.getJdbcUrl(),
                pool.getUsername(), pool.getPassword())), "");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    long lastPosition() {
        Long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return last == null ? 0 : last;
    }

    JsonNode key(String body) {
        Api.Response r = api.post("/api/v1/api-keys", ADMIN, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    JsonNode listed(String keyId) {
        Api.Response list = api.get("/api/v1/api-keys", ADMIN);
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode k : list.body().path("keys")) {
            if (k.path("keyId").asText().equals(keyId)) {
                return k;
            }
        }
        throw new AssertionError(keyId + " is not listed: " + list.raw());
    }

    /** A cheap request every integrator key may make: an empty batch. */
    Api.Response asIntegrator(String key) {
        return api.post("/api/v1/batches", key, "{\"items\":[]}");
    }

    @Test
    void aKeyIsListedWithoutItsSecretRevokedAtOnceOnEveryNodeAndEachStepIsRecordedWithItsActor() {
        long before = lastPosition();
        JsonNode made = key("{\"name\":\"平台-" + run + "\",\"roles\":[\"INTEGRATOR\"],\"baseIds\":[\"base-1\"]}");
        String secret = made.path("key").asText();
        String keyId = made.path("keyId").asText();
        assertThat(secret).startsWith("cel_");
        assertThat(keyId).isEqualTo("key-" + sha256(secret).substring(0, 16));
        assertThat(made.path("roles").toString()).isEqualTo("[\"INTEGRATOR\"]");
        assertThat(made.path("baseIds").toString()).isEqualTo("[\"base-1\"]");
        assertThat(made.has("expiresAt")).isFalse();

        Api.Response list = api.get("/api/v1/api-keys", ADMIN);
        assertThat(list.raw()).doesNotContain(secret).doesNotContain(sha256(secret));
        JsonNode entry = listed(keyId);
        assertThat(entry.path("name").asText()).isEqualTo("平台-" + run);
        assertThat(entry.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(entry.path("roles").toString()).isEqualTo("[\"INTEGRATOR\"]");
        assertThat(entry.path("baseIds").toString()).isEqualTo("[\"base-1\"]");
        assertThat(entry.has("key")).isFalse();
        assertThat(entry.has("revokedAt")).isFalse();
        JsonNode environment = listed(ADMIN_ID);
        assertThat(environment.path("name").asText()).isEqualTo("LEDGER_ADMIN_KEY");
        assertThat(environment.path("environment").asBoolean()).isTrue();

        assertThat(asIntegrator(secret).status()).isEqualTo(200);
        assertThat(otherNode.find(secret)).isPresent();

        Api.Response noReason = api.post("/api/v1/api-keys/" + keyId + "/revocations", ADMIN, "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.field()).isEqualTo("reason");
        assertThat(asIntegrator(secret).status()).isEqualTo(200);

        Api.Response revoked = api.post("/api/v1/api-keys/" + keyId + "/revocations", ADMIN, "{\"reason\":\"平台下线\"}");
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(201);
        assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.body().path("revocationReason").asText()).isEqualTo("平台下线");
        String revokedAt = revoked.body().path("revokedAt").asText();

        // at once, on this node and on any other reading the store: nothing caches a key
        Api.Response refused = asIntegrator(secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.field()).isEqualTo("authorization");
        assertThat(refused.body().path("detail").asText())
                .isEqualTo("This API key was revoked at " + revokedAt + ". Send Authorization: Bearer <a valid api key>.");
        assertThat(otherNode.find(secret)).isEmpty();
        assertThat(otherNode.authenticate(secret).refusal()).isEqualTo("This API key was revoked at " + revokedAt + ".");
        assertThat(listed(keyId).path("status").asText()).isEqualTo("REVOKED");

        long stored = storedEvents();
        Api.Response twice = api.post("/api/v1/api-keys/" + keyId + "/revocations", ADMIN, "{\"reason\":\"再次\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.field()).isEqualTo("keyId");
        assertThat(twice.body().path("detail").asText()).isEqualTo("key " + keyId + " was already revoked: 平台下线");
        Api.Response rotateRevoked = api.post("/api/v1/api-keys/" + keyId + "/rotations", ADMIN,
                "{\"oldKeyValidUntil\":\"2030-01-01T00:00:00Z\"}");
        assertThat(rotateRevoked.status()).isEqualTo(409);
        assertThat(rotateRevoked.field()).isEqualTo("keyId");
        for (String unknown : List.of("key-0000000000000000", "nope")) {
            Api.Response r = api.post("/api/v1/api-keys/" + unknown + "/revocations", ADMIN, "{\"reason\":\"x\"}");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.field()).isEqualTo("keyId");
        }
        for (String action : List.of("revocations", "rotations")) {
            Api.Response r = api.post("/api/v1/api-keys/" + ADMIN_ID + "/" + action, ADMIN,
                    "{\"reason\":\"x\",\"oldKeyValidUntil\":\"2030-01-01T00:00:00Z\"}".replace(
                            action.equals("revocations") ? ",\"oldKeyValidUntil\":\"2030-01-01T00:00:00Z\"" : "\"reason\":\"x\",", ""));
            assertThat(r.status()).as(r.raw()).isEqualTo(409);
            assertThat(r.field()).isEqualTo("keyId");
        }
        assertThat(api.get("/api/v1/rule-sets", ADMIN).status()).as("the environment's key still works").isEqualTo(200);
        assertThat(storedEvents()).as("refusals record nothing").isEqualTo(stored);

        // the facts, by the administrator's key, in the audit trail
        JsonNode trail = api.get("/api/v1/audit?actor=" + ADMIN_ID + "&after=" + before, ADMIN).body();
        List<String> steps = new ArrayList<>();
        for (JsonNode e : trail.path("entries")) {
            if (e.path("stream").asText().equals("key/" + keyId)) {
                steps.add(e.path("type").asText() + " " + e.path("sequence").asLong() + " "
                        + e.path("actor").path("name").asText() + " " + e.path("actor").path("roles"));
            }
        }
        assertThat(steps).containsExactly("ApiKeyIssued 0 LEDGER_ADMIN_KEY [\"ADMIN\"]",
                "ApiKeyRevoked 1 LEDGER_ADMIN_KEY [\"ADMIN\"]");
    }

    @Test
    void aRotatedKeyStaysValidUntilItsDateThenAnswers401AndItsSuccessorGoesOn() throws Exception {
        long before = lastPosition();
        JsonNode made = key("{\"name\":\"审计-" + run + "\",\"roles\":[\"AUDITOR\"]}");
        String old = made.path("key").asText();
        String oldId = made.path("keyId").asText();
        Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);

        Api.Response missing = api.post("/api/v1/api-keys/" + oldId + "/rotations", ADMIN, "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.field()).isEqualTo("oldKeyValidUntil");

        Api.Response rotated = api.post("/api/v1/api-keys/" + oldId + "/rotations", ADMIN,
                "{\"oldKeyValidUntil\":\"" + until + "\"}");
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(201);
        String fresh = rotated.body().path("key").asText();
        String freshId = rotated.body().path("keyId").asText();
        assertThat(freshId).isEqualTo("key-" + sha256(fresh).substring(0, 16)).isNotEqualTo(oldId);
        assertThat(rotated.body().path("replaces").asText()).isEqualTo(oldId);
        assertThat(rotated.body().path("oldKeyValidUntil").asText()).isEqualTo(until.toString());
        assertThat(rotated.body().path("name").asText()).isEqualTo("审计-" + run);
        assertThat(rotated.body().path("roles").toString()).isEqualTo("[\"AUDITOR\"]");

        assertThat(api.get("/api/v1/rule-sets", old).status()).as("the old key until its date").isEqualTo(200);
        assertThat(api.get("/api/v1/rule-sets", fresh).status()).isEqualTo(200);
        JsonNode oldEntry = listed(oldId);
        assertThat(oldEntry.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(oldEntry.path("replacedBy").asText()).isEqualTo(freshId);
        assertThat(oldEntry.path("replacedValidUntil").asText()).isEqualTo(until.toString());

        Api.Response again = api.post("/api/v1/api-keys/" + oldId + "/rotations", ADMIN,
                "{\"oldKeyValidUntil\":\"" + until + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("detail").asText())
                .isEqualTo("key " + oldId + " was already rotated to " + freshId + "; rotate that key instead");

        while (Instant.now().isBefore(until.plusMillis(200))) {
            Thread.sleep(100);
        }
        Api.Response late = api.get("/api/v1/rule-sets", old);
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.body().path("detail").asText()).isEqualTo("This API key was replaced by " + freshId
                + " and was valid until " + until + ". Send Authorization: Bearer <a valid api key>.");
        assertThat(otherNode.find(old)).isEmpty();
        assertThat(api.get("/api/v1/rule-sets", fresh).status()).isEqualTo(200);
        assertThat(listed(oldId).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(listed(freshId).path("status").asText()).isEqualTo("ACTIVE");

        JsonNode trail = api.get("/api/v1/audit?actor=" + ADMIN_ID + "&after=" + before, ADMIN).body();
        List<String> steps = new ArrayList<>();
        String requestId = null;
        for (JsonNode e : trail.path("entries")) {
            String stream = e.path("stream").asText();
            if (stream.equals("key/" + oldId) || stream.equals("key/" + freshId)) {
                steps.add(stream.substring(4) + " " + e.path("type").asText());
                if (!e.path("type").asText().equals("ApiKeyIssued") || stream.equals("key/" + freshId)) {
                    if (requestId == null) {
                        requestId = e.path("actor").path("requestId").asText();
                    }
                    assertThat(e.path("actor").path("requestId").asText()).as("one request, one transaction")
                            .isEqualTo(requestId);
                }
            }
        }
        assertThat(steps).containsExactly(oldId + " ApiKeyIssued", oldId + " ApiKeyRotated", freshId + " ApiKeyIssued");
    }

    @Test
    void aKeyExpiresAtItsInstant() throws Exception {
        Api.Response past = api.post("/api/v1/api-keys", ADMIN,
                "{\"name\":\"过期\",\"roles\":[\"AUDITOR\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.field()).isEqualTo("expiresAt");

        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        JsonNode made = key("{\"name\":\"临时-" + run + "\",\"roles\":[\"AUDITOR\"],\"expiresAt\":\"" + expiresAt + "\"}");
        assertThat(made.path("expiresAt").asText()).isEqualTo(expiresAt.toString());
        String secret = made.path("key").asText();
        assertThat(api.get("/api/v1/rule-sets", secret).status()).isEqualTo(200);
        while (Instant.now().isBefore(expiresAt.plusMillis(200))) {
            Thread.sleep(100);
        }
        Api.Response expired = api.get("/api/v1/rule-sets", secret);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().path("detail").asText())
                .isEqualTo("This API key expired at " + expiresAt + ". Send Authorization: Bearer <a valid api key>.");
        JsonNode entry = listed(made.path("keyId").asText());
        assertThat(entry.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(entry.path("expiresAt").asText()).isEqualTo(expiresAt.toString());
    }

    @Test
    void aKeyMadeBeforeKeysWereRecordedKeepsWorkingAndIsRevoked() {
        String secret = ApiKeyStore.newSecret();
        String hash = sha256(secret);
        // the row as the ledger wrote it before: no recorded fact, no scope, no expiry
        jdbc.update("INSERT INTO api_key (key_hash, name, roles, base_ids, created_at) VALUES (?, ?, ?, ?, ?)",
                hash, "旧平台-" + run, "INTEGRATOR", "", Timestamp.from(Instant.now()));
        String keyId = "key-" + hash.substring(0, 16);
        assertThat(asIntegrator(secret).status()).isEqualTo(200);
        assertThat(listed(keyId).path("status").asText()).isEqualTo("ACTIVE");

        Api.Response revoked = api.post("/api/v1/api-keys/" + keyId + "/revocations", ADMIN, "{\"reason\":\"换新\"}");
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(201);
        assertThat(asIntegrator(secret).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, "key/" + keyId)).isEqualTo(1);
    }

    @Test
    void aKeysFactAndItsRowAreCommittedTogetherOrNotAtAll() {
        JsonNode made = key("{\"name\":\"原有-" + run + "\",\"roles\":[\"AUDITOR\"]}");
        String hash = sha256(made.path("key").asText());
        String otherId = "key-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long stored = storedEvents();
        // another key under a hash the table holds already: its row cannot be written, so its fact is not stored
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands.sendAndWait(new IssueApiKeyCommand(otherId,
                        hash, "重复", List.of("ADMIN"), List.of(), List.of(), List.of(), null, null)))
                .hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, "key/" + otherId)).isZero();
        assertThat(jdbc.queryForObject("SELECT roles FROM api_key WHERE key_hash = ?", String.class, hash))
                .isEqualTo("AUDITOR");
    }

    // ---------------------------------------------------------------- registrars

    String practitioner(String name, String jurisdiction, String region) {
        String id = name + "-" + run;
        String body = Api.registration(id).replace("\"IM\"", "\"" + jurisdiction + "\"").replace("呼和浩特市", region);
        assertThat(api.post("/api/v1/practitioners", ADMIN, body).status()).isEqualTo(201);
        return id;
    }

    static final String CORRECTION = "{\"correctionId\":\"c-1\",\"changes\":{\"birthDate\":\"1970-05-17\"},\"reason\":\"身份证号核对\"}";
    static final String EXEMPTION = "{\"exemptionId\":\"e-1\",\"kind\":\"COVID_FRONTLINE\",\"years\":[2022],"
            + "\"evidence\":\"表彰文件\",\"grantedBy\":\"卫健委\"}";

    @Test
    void aRegistrarKeyNamesItsScopeAndOnlyARegistrarKeyDoes() {
        Api.Response none = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"人社局\",\"roles\":[\"REGISTRAR\"]}");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.field()).isEqualTo("jurisdictions");
        Api.Response integrator = api.post("/api/v1/api-keys", ADMIN,
                "{\"name\":\"基地\",\"roles\":[\"INTEGRATOR\"],\"jurisdictions\":[\"IM\"]}");
        assertThat(integrator.status()).isEqualTo(422);
        assertThat(integrator.field()).isEqualTo("jurisdictions");
        Api.Response regions = api.post("/api/v1/api-keys", ADMIN,
                "{\"name\":\"基地\",\"roles\":[\"AUDITOR\"],\"regions\":[\"包头市\"]}");
        assertThat(regions.status()).isEqualTo(422);
        assertThat(regions.field()).isEqualTo("regions");
        Api.Response admin = api.post("/api/v1/api-keys", ADMIN,
                "{\"name\":\"人社厅\",\"roles\":[\"REGISTRAR\",\"ADMIN\"],\"jurisdictions\":[\"IM\"]}");
        assertThat(admin.status()).isEqualTo(422);
        assertThat(admin.field()).isEqualTo("roles");
        JsonNode made = key("{\"name\":\"包头市人社局\",\"roles\":[\"REGISTRAR\"],\"jurisdictions\":[\"IM\"],"
                + "\"regions\":[\"包头市\"]}");
        assertThat(made.path("jurisdictions").toString()).isEqualTo("[\"IM\"]");
        assertThat(made.path("regions").toString()).isEqualTo("[\"包头市\"]");
        JsonNode entry = listed(made.path("keyId").asText());
        assertThat(entry.path("jurisdictions").toString()).isEqualTo("[\"IM\"]");
        assertThat(entry.path("regions").toString()).isEqualTo("[\"包头市\"]");
    }

    @Test
    void aRegistrarActsOnThePractitionersOfItsScopeOnlyAndAnIntegratorNoLonger() {
        String im = practitioner("im", "IM", "呼和浩特市");
        String nx = practitioner("nx", "NX", "银川市");
        String registrarIm = key("{\"name\":\"内蒙古人社厅\",\"roles\":[\"REGISTRAR\"],\"jurisdictions\":[\"IM\"]}")
                .path("key").asText();
        String registrarNx = key("{\"name\":\"宁夏人社厅\",\"roles\":[\"REGISTRAR\"],\"jurisdictions\":[\"NX\"]}")
                .path("key").asText();
        String baotou = key("{\"name\":\"包头市人社局\",\"roles\":[\"REGISTRAR\"],\"regions\":[\"包头市\"]}")
                .path("key").asText();
        String base = key("{\"name\":\"基地\",\"roles\":[\"INTEGRATOR\"]}").path("key").asText();
        long stored = storedEvents();

        // a training base's key: no more profiles, exemptions or transfers
        for (String[] write : List.of(new String[]{"/profile-corrections", CORRECTION}, new String[]{"/exemptions", EXEMPTION},
                new String[]{"/exemptions/e-1/revocations", "{\"reason\":\"误报\"}"},
                new String[]{"/transfers", "{\"transferId\":\"t-1\",\"kind\":\"BETWEEN_EMPLOYERS\",\"effectiveDate\":\"2025-01-01\"}"})) {
            Api.Response r = api.post("/api/v1/practitioners/" + im + write[0], base, write[1]);
            assertThat(r.status()).as(write[0]).isEqualTo(403);
            assertThat(r.field()).isEqualTo("authorization");
        }
        // the registrar of another jurisdiction or region: 403, naming the practitioner
        Api.Response foreign = api.post("/api/v1/practitioners/" + nx + "/profile-corrections", registrarIm, CORRECTION);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.field()).isEqualTo("practitionerId");
        assertThat(foreign.body().path("detail").asText()).isEqualTo("this key acts on practitioners of jurisdictions [IM] "
                + "only; practitioner " + nx + " is of NX 银川市");
        assertThat(api.post("/api/v1/practitioners/" + im + "/exemptions", baotou, EXEMPTION).status()).isEqualTo(403);
        Api.Response registration = api.post("/api/v1/practitioners", registrarIm,
                Api.registration("nx2-" + run).replace("\"IM\"", "\"NX\""));
        assertThat(registration.status()).isEqualTo(403);
        assertThat(registration.field()).isEqualTo("jurisdiction");
        assertThat(api.get("/api/v1/practitioners/" + nx, registrarIm).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/practitioners/" + im + "/history", registrarIm).status()).isEqualTo(403);
        assertThat(storedEvents()).as("refusals record nothing").isEqualTo(stored);

        // within its scope
        assertThat(api.post("/api/v1/practitioners/" + im + "/profile-corrections", registrarIm, CORRECTION).status())
                .isEqualTo(201);
        Api.Response read = api.get("/api/v1/practitioners/" + im, registrarIm);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("profile").path("birthDate").asText()).isEqualTo("1970-05-17");
        assertThat(api.post("/api/v1/practitioners", registrarIm, Api.registration("im2-" + run)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/practitioners", base, Api.registration("im3-" + run)).status())
                .as("integrators still register new practitioners").isEqualTo(201);

        // batches: each item by its kind's role and the registrar's scope
        Api.Response batch = api.post("/api/v1/batches", registrarIm, "{\"items\":["
                + "{\"type\":\"exemption\",\"practitionerId\":\"" + im + "\"," + EXEMPTION.substring(1) + ","
                + "{\"type\":\"exemption\",\"practitionerId\":\"" + nx + "\"," + EXEMPTION.substring(1) + ","
                + "{\"type\":\"credit\",\"practitionerId\":\"" + im + "\"," + Api.credit("a-1", "2")
                .replace("\"baseId\":\"base-1\",\"sessionId\":\"s-1\",", "").substring(1) + "]}");
        assertThat(batch.status()).as(batch.raw()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        batch.body().path("results").forEach(r -> statuses.add(r.path("status").asText() + " "
                + r.path("problem").path("field").asText()));
        assertThat(statuses).containsExactly("ACCEPTED ", "FORBIDDEN practitionerId", "FORBIDDEN authorization");
        Api.Response byBase = api.post("/api/v1/batches", base, "{\"items\":[{\"type\":\"profile-correction\","
                + "\"practitionerId\":\"" + im + "\"," + CORRECTION.replace("c-1", "c-2").substring(1) + "]}");
        assertThat(byBase.body().path("results").get(0).path("status").asText()).isEqualTo("FORBIDDEN");

        // a transfer in effect hands the practitioner to the office it moves to
        Api.Response moved = api.post("/api/v1/practitioners/" + im + "/transfers", registrarIm, "{\"transferId\":\"t-1\","
                + "\"kind\":\"BETWEEN_REGIONS\",\"effectiveDate\":\"2025-01-01\",\"toJurisdiction\":\"NX\",\"toRegion\":\"银川市\"}");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(201);
        String exemption2 = EXEMPTION.replace("e-1", "e-2");
        assertThat(api.post("/api/v1/practitioners/" + im + "/exemptions", registrarIm, exemption2).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/practitioners/" + im + "/exemptions", registrarNx, exemption2).status()).isEqualTo(201);
    }
}
