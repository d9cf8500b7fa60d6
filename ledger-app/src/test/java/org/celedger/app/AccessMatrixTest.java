package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The access matrix of docs/API.md, read from that file and sent over HTTP with a key of every role and
 * with none: a cell "—" answers 403, a cell "✓" or "own" anything but 401 and 403 (the request may still
 * be refused for what it says: 404, 422, 409), and without a key 401. An "own" row is sent again outside
 * the key's scope (another base, another base's credit; for the registrar of IM, a practitioner of NX) and
 * answers 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + AccessMatrixTest.ADMIN})
class AccessMatrixTest {

    static final String ADMIN = "access-matrix-admin-key";
    static final List<String> ROLES = List.of("INTEGRATOR", "AUDITOR", "SUPERVISOR", "REGISTRAR", "ADMIN");

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/access-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    record Row(String method, String path, Map<String, String> cells) {
    }

    static List<Row> matrix() throws Exception {
        String api = Files.readString(Path.of("../docs/API.md"));
        String table = api.substring(api.indexOf("<!-- access-matrix -->"), api.indexOf("<!-- /access-matrix -->"));
        List<Row> rows = new ArrayList<>();
        for (String line : table.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String[] endpoint = cells[1].trim().replace("`", "").split(" ");
            Map<String, String> byRole = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                byRole.put(ROLES.get(i), cells[i + 2].trim());
            }
            rows.add(new Row(endpoint[0], endpoint[1], byRole));
        }
        return rows;
    }

    String path(String template, String role, boolean own) {
        // a registrar's scope is its practitioners' jurisdiction: outside it, a practitioner of NX
        return template.replace("{id}", !own && "REGISTRAR".equals(role) ? "mx-q" : "mx-p")
                .replace("{keyId}", spareKeyId).replace("{awardId}", own ? "own-a" : "foreign-a")
                .replace("{conversionId}", "c-x").replace("{exemptionId}", "e-x").replace("{certificationId}", "cert-x")
                .replace("{ruleSetId}", "IM-2025").replace("{baseId}", own ? "matrix-base" : "other-base")
                .replace("{sessionId}", "s-x");
    }

    static String body(String path, boolean own) {
        if (path.equals("/api/v1/practitioners")) {
            return own ? "{}" : Api.registration("mx-r").replace("\"IM\"", "\"NX\"").replace("呼和浩特市", "银川市");
        }
        if (path.endsWith("/credits")) {
            return Api.credit("mx-" + UUID.randomUUID().toString().substring(0, 8), "2")
                    .replace("base-1", own ? "matrix-base" : "other-base");
        }
        return path.endsWith("/roster") ? "{\"entries\":[]}" : "{}";
    }

    /** The key the key endpoints name: made for them, so that no role's key is revoked or rotated. */
    String spareKeyId;

    Api.Response send(Api api, String method, String path, String key, boolean own) {
        return method.equals("GET") ? api.get(path, key) : api.post(path, key, body(path, own));
    }

    @Test
    void everyRoleGetsExactlyWhatTheAccessMatrixOfApiMdSays() throws Exception {
        Api api = new Api("http://127.0.0.1:" + port);
        Map<String, String> keys = new LinkedHashMap<>();
        for (String role : ROLES) {
            keys.put(role, role.equals("ADMIN") ? ADMIN : api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"" + role
                    + "\",\"roles\":[\"" + role + "\"]" + (role.equals("INTEGRATOR") ? ",\"baseIds\":[\"matrix-base\"]" : "")
                    + (role.equals("REGISTRAR") ? ",\"jurisdictions\":[\"IM\"]" : "")
                    + "}").body().path("key").asText());
        }
        spareKeyId = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"spare\",\"roles\":[\"AUDITOR\"]}").body()
                .path("keyId").asText();
        assertThat(spareKeyId).matches("key-[0-9a-f]{16}");
        assertThat(api.post("/api/v1/practitioners", ADMIN, Api.registration("mx-p")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/practitioners", ADMIN, Api.registration("mx-q").replace("\"IM\"", "\"NX\"")
                .replace("呼和浩特市", "银川市")).status()).isEqualTo(201);
        for (String base : List.of("matrix-base", "other-base")) {
            assertThat(api.post("/api/v1/bases", ADMIN, "{\"baseId\":\"" + base + "\",\"name\":\"基地\",\"level\":\"REGIONAL\","
                    + "\"jurisdiction\":\"IM\",\"region\":\"包头市\"}").status()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/practitioners/mx-p/credits", ADMIN, Api.credit("own-a", "2")
                .replace("base-1", "matrix-base")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/practitioners/mx-p/credits", ADMIN, Api.credit("foreign-a", "2")
                .replace("base-1", "other-base")).status()).isEqualTo(201);

        List<Row> rows = matrix();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(38);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Row row : rows) {
            Api.Response anonymous = send(api, row.method(), path(row.path(), null, true), null, true);
            sent++;
            if (anonymous.status() != 401) {
                wrong.add(row.method() + " " + row.path() + " without a key: " + anonymous.status());
            }
            for (String role : ROLES) {
                String cell = row.cells().get(role);
                Api.Response r = send(api, row.method(), path(row.path(), role, true), keys.get(role), true);
                sent++;
                boolean allowed = r.status() != 401 && r.status() != 403;
                if (allowed != !cell.equals("—")) {
                    wrong.add(row.method() + " " + row.path() + " as " + role + " (" + cell + "): " + r.status() + " " + r.raw());
                }
                if (cell.equals("own")) {
                    Api.Response outside = send(api, row.method(), path(row.path(), role, false), keys.get(role), false);
                    sent++;
                    if (outside.status() != 403) {
                        wrong.add(row.method() + " " + row.path() + " as " + role + " outside its scope: " + outside.status()
                                + " " + outside.raw());
                    }
                }
            }
        }
        System.out.println("AccessMatrixTest: " + rows.size() + " endpoints, " + sent + " requests");
        assertThat(wrong).isEmpty();
    }
}
