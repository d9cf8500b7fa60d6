package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Malformed requests to every write endpoint of API.md, generated from a valid body of each: every field given
 * each wrong type, nulls in lists, numbers too long or with huge exponents, huge strings, duplicate keys, trailing
 * content, deep nesting, invalid UTF-8, wrong content types, empty and oversize bodies. No answer may be 5xx;
 * every error is problem+json naming the field where the request names one, with a detail free of Java type
 * names and quoting at most an excerpt of the request; and nothing is stored: the event store holds the same
 * events, and the key table the same keys, before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + HostileInputTest.ADMIN})
class HostileInputTest {

    static final String ADMIN = "hostile-input-admin-key";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/hostile-" + UUID.randomUUID());
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Java's names as Jackson and Spring put them in messages: none may reach a detail. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|\\[L|com\\.fasterxml|org\\.celedger|org\\.springframework|BigDecimal|LocalDate"
                    + "|Instant\\b|ArrayList|LinkedHashMap|HashSet|Integer\\b|Boolean\\b|\\bString\\b|Exception|\\$");
    /** The character of huge strings, to find any echo of more than an excerpt of them. */
    private static final String HUGE_MARK = "Z";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int sent;

    enum Kind { STRING, INT, DECIMAL, BOOL, DATE, INSTANT, ENUM, INT_LIST, STRING_LIST, ENUM_LIST, OBJECT }

    /** A write endpoint: its path, a valid body, and the kinds of its fields (paths into the body). */
    record Endpoint(String name, String path, String body, Map<String, Kind> fields) {
    }

    private static Map<String, Kind> fields(Object... pairs) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return m;
    }

    /**
     * Practitioners, bases and sessions named here are never registered: a malformed request that were
     * somehow read as valid would meet an unknown practitioner, not store a fact. Registrations, bases, keys and
     * samples have no such guard; every mutation of them below is invalid by its type.
     */
    static final String P = "/api/v1/practitioners/ghost-p";
    static final String B = "/api/v1/bases/ghost-base";

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("practitioners", "/api/v1/practitioners", Api.registration("hostile-p"), fields(
                        "id", Kind.STRING, "name", Kind.STRING, "gender", Kind.ENUM, "birthDate", Kind.DATE,
                        "jurisdiction", Kind.ENUM, "region", Kind.STRING, "sector", Kind.ENUM, "grassroots", Kind.BOOL,
                        "titleSeries", Kind.STRING, "titleLevel", Kind.ENUM, "titleObtainedOn", Kind.DATE,
                        "degree", Kind.ENUM)),
                new Endpoint("profile-corrections", P + "/profile-corrections",
                        "{\"correctionId\":\"c1\",\"changes\":{\"birthDate\":\"1970-05-17\",\"name\":\"王芳\","
                                + "\"grassroots\":true,\"gender\":\"MALE\"},\"reason\":\"录入错误\"}", fields(
                        "correctionId", Kind.STRING, "changes", Kind.OBJECT, "changes.birthDate", Kind.DATE,
                        "changes.name", Kind.STRING, "changes.grassroots", Kind.BOOL, "changes.gender", Kind.ENUM,
                        "reason", Kind.STRING)),
                new Endpoint("credits", P + "/credits", Api.credit("a-1", "32"), fields(
                        "awardId", Kind.STRING, "year", Kind.INT, "category", Kind.ENUM, "activity", Kind.ENUM,
                        "hours", Kind.DECIMAL, "baseId", Kind.STRING, "sessionId", Kind.STRING,
                        "approvedBy", Kind.STRING, "completedOn", Kind.DATE)),
                new Endpoint("credits (minutes)", P + "/credits", "{\"awardId\":\"m1\",\"year\":2025,\"category\":"
                        + "\"PUBLIC\",\"activity\":\"ONLINE_PLATFORM\",\"minutes\":1350,\"approvedBy\":\"平台\","
                        + "\"certificateNo\":\"N-1\",\"completedOn\":\"2025-04-01\"}", fields(
                        "minutes", Kind.INT, "certificateNo", Kind.STRING)),
                new Endpoint("credit revocations", P + "/credits/a-1/revocations", "{\"reason\":\"重复登记\"}",
                        fields("reason", Kind.STRING)),
                new Endpoint("credit reassignments", P + "/credits/a-1/reassignments",
                        "{\"targetYear\":2024,\"reason\":\"补学\"}", fields("targetYear", Kind.INT, "reason", Kind.STRING)),
                new Endpoint("conversions", P + "/conversions", "{\"conversionId\":\"d1\",\"kind\":\"DEGREE_COMPLETED\","
                        + "\"date\":\"2024-07-01\",\"enrolledOn\":\"2021-09-01\",\"graduatedOn\":\"2024-06-30\","
                        + "\"degree\":\"MASTER\",\"certifiedHours\":120,\"inRegion\":true,\"quantity\":2,\"evidence\":\"证书\"}",
                        fields("conversionId", Kind.STRING, "kind", Kind.ENUM, "date", Kind.DATE, "quantity", Kind.DECIMAL,
                                "inRegion", Kind.BOOL, "enrolledOn", Kind.DATE, "graduatedOn", Kind.DATE,
                                "degree", Kind.ENUM, "certifiedHours", Kind.DECIMAL, "evidence", Kind.STRING)),
                new Endpoint("conversion revocations", P + "/conversions/d1/revocations", "{\"reason\":\"证书无效\"}",
                        fields("reason", Kind.STRING)),
                new Endpoint("exemptions", P + "/exemptions", "{\"exemptionId\":\"e1\",\"kind\":\"COVID_FRONTLINE\","
                        + "\"years\":[2022],\"evidence\":\"表彰文件\",\"grantedBy\":\"卫健委\"}", fields(
                        "exemptionId", Kind.STRING, "kind", Kind.ENUM, "years", Kind.INT_LIST, "evidence", Kind.STRING,
                        "grantedBy", Kind.STRING)),
                new Endpoint("exemption revocations", P + "/exemptions/e1/revocations", "{\"reason\":\"误报\"}",
                        fields("reason", Kind.STRING)),
                new Endpoint("transfers", P + "/transfers", "{\"transferId\":\"tr1\",\"kind\":\"BETWEEN_REGIONS\","
                        + "\"effectiveDate\":\"2025-01-01\",\"toJurisdiction\":\"NX\",\"toRegion\":\"银川市\","
                        + "\"toSector\":\"STATE_ENTERPRISE\"}", fields(
                        "transferId", Kind.STRING, "kind", Kind.ENUM, "effectiveDate", Kind.DATE,
                        "toJurisdiction", Kind.ENUM, "toRegion", Kind.STRING, "toSector", Kind.ENUM)),
                new Endpoint("bases", "/api/v1/bases", "{\"baseId\":\"hostile-base\",\"name\":\"基地\","
                        + "\"level\":\"REGIONAL\",\"jurisdiction\":\"IM\",\"region\":\"呼和浩特市\"}", fields(
                        "baseId", Kind.STRING, "name", Kind.STRING, "level", Kind.ENUM, "jurisdiction", Kind.ENUM,
                        "region", Kind.STRING)),
                new Endpoint("status-changes", B + "/status-changes", "{\"changeId\":\"w1\",\"status\":\"WARNED\","
                        + "\"reason\":\"抽查\"}", fields("changeId", Kind.STRING, "status", Kind.ENUM, "reason", Kind.STRING)),
                new Endpoint("sessions", B + "/sessions", "{\"sessionId\":\"s1\",\"title\":\"培训\",\"category\":"
                        + "\"PROFESSIONAL\",\"mode\":\"IN_PERSON\",\"startDate\":\"2026-03-01\",\"endDate\":\"2026-03-03\","
                        + "\"location\":\"呼和浩特\",\"capacity\":50}", fields(
                        "sessionId", Kind.STRING, "title", Kind.STRING, "category", Kind.ENUM, "mode", Kind.ENUM,
                        "startDate", Kind.DATE, "endDate", Kind.DATE, "location", Kind.STRING, "capacity", Kind.INT)),
                new Endpoint("roster", B + "/sessions/s1/roster", "{\"entries\":[{\"practitionerId\":\"ghost-p\","
                        + "\"name\":\"王芳\",\"hours\":30,\"category\":\"PROFESSIONAL\"}]}", fields(
                        "entries", Kind.OBJECT, "entries[0].practitionerId", Kind.STRING, "entries[0].name", Kind.STRING,
                        "entries[0].hours", Kind.DECIMAL, "entries[0].category", Kind.ENUM)),
                new Endpoint("inspections", B + "/sessions/s1/inspections", "{\"inspectionId\":\"i1\",\"inspector\":"
                        + "\"张检查\",\"date\":\"2026-11-20\",\"observedHeadcount\":40,\"observedHours\":24,"
                        + "\"verdict\":\"CONFIRMED\",\"notes\":\"无\"}", fields(
                        "inspectionId", Kind.STRING, "inspector", Kind.STRING, "date", Kind.DATE,
                        "observedHeadcount", Kind.INT, "observedHours", Kind.DECIMAL, "verdict", Kind.ENUM,
                        "notes", Kind.STRING)),
                new Endpoint("inspection-samples", "/api/v1/inspection-samples",
                        "{\"year\":2026,\"size\":1,\"seed\":\"hostile\",\"jurisdiction\":\"IM\"}", fields(
                        "year", Kind.INT, "size", Kind.INT, "seed", Kind.STRING, "jurisdiction", Kind.ENUM)),
                new Endpoint("certifications", P + "/certifications", "{\"certificationId\":\"c-1\",\"purpose\":"
                        + "\"TITLE_EVALUATION\",\"level\":\"INTERMEDIATE\",\"year\":2025,\"asOf\":\"2025-12-31\","
                        + "\"exceptional\":false,\"ruleSet\":\"IM-2025\"}", fields(
                        "certificationId", Kind.STRING, "purpose", Kind.ENUM, "level", Kind.STRING, "year", Kind.INT,
                        "asOf", Kind.DATE, "exceptional", Kind.BOOL, "ruleSet", Kind.STRING)),
                new Endpoint("api-keys", "/api/v1/api-keys", "{\"name\":\"hostile\",\"roles\":[\"REGISTRAR\"],"
                        + "\"baseIds\":[\"base-1\"],\"jurisdictions\":[\"IM\"],\"regions\":[\"包头市\"],"
                        + "\"expiresAt\":\"2099-01-01T00:00:00Z\"}", fields(
                        "name", Kind.STRING, "roles", Kind.ENUM_LIST, "baseIds", Kind.STRING_LIST,
                        "jurisdictions", Kind.ENUM_LIST, "regions", Kind.STRING_LIST, "expiresAt", Kind.INSTANT)),
                // a key that does not exist: a body read as valid would meet a 404, not revoke or rotate anything
                new Endpoint("api-key revocations", "/api/v1/api-keys/key-0000000000000000/revocations",
                        "{\"reason\":\"泄露\"}", fields("reason", Kind.STRING)),
                new Endpoint("api-key rotations", "/api/v1/api-keys/key-0000000000000000/rotations",
                        "{\"oldKeyValidUntil\":\"2099-01-01T00:00:00Z\",\"expiresAt\":\"2099-06-01T00:00:00Z\"}",
                        fields("oldKeyValidUntil", Kind.INSTANT, "expiresAt", Kind.INSTANT)),
                new Endpoint("what-if", "/api/v1/what-if", "{\"purpose\":\"TITLE_EVALUATION\",\"level\":\"INTERMEDIATE\","
                        + "\"year\":2026,\"baseline\":\"IM-2025\",\"candidate\":{\"base\":\"IM-2025\",\"parameters\":"
                        + "{\"reliefs.agePartial.menAge\":47}},\"jurisdiction\":\"IM\",\"asOf\":\"2026-12-31\","
                        + "\"exceptional\":false}", fields(
                        "purpose", Kind.ENUM, "level", Kind.STRING, "year", Kind.INT, "baseline", Kind.STRING,
                        "jurisdiction", Kind.STRING, "asOf", Kind.DATE, "exceptional", Kind.BOOL,
                        "candidate.parameters.reliefs\\.agePartial\\.menAge", Kind.DECIMAL)));
    }

    /** Values of the wrong type (or out of range) for a field of each kind: none may be read as valid. */
    static List<String> wrongValues(Kind kind) {
        String huge = "\"" + HUGE_MARK.repeat(200_000) + "\"";
        return switch (kind) {
            case STRING -> List.of("5", "5.5", "true", "false", "[]", "{}", "[\"x\"]", "{\"a\":\"b\"}", "1e999999999");
            case INT -> List.of("\"2025\"", "2025.5", "true", "[]", "{}", "[2025]", "1e999999999", "-1e999999999",
                    "1" + "0".repeat(60), "99999999999999999999", "\"\"", "2.0e3");
            case DECIMAL -> List.of("\"32\"", "true", "[]", "{}", "[32]", "1e999999999", "-1e999999999",
                    "1e-999999999", "1e100000000", "1" + "0".repeat(60), "0." + "0".repeat(60) + "1", "\"\"",
                    "\"NaN\"", "\"Infinity\"");
            case BOOL -> List.of("\"true\"", "\"false\"", "1", "0", "\"yes\"", "[]", "{}", "[true]", "\"\"");
            case DATE -> List.of("123", "20250310", "1e999999999", "\"2025-13-45\"", "\"2025-02-30\"", "true", "[]",
                    "{}", "[2025,3,10]", "\"\"", "\"10/03/2025\"", huge);
            case INSTANT -> List.of("123", "1735689600000", "1e999999999", "\"2025-13-45T00:00:00Z\"", "\"2025-01-01\"",
                    "\"2025-01-01T00:00:00\"", "true", "[]", "{}", "[2025,1,1,0,0]", "\"\"", huge);
            case ENUM -> List.of("0", "1", "\"NOT_A_VALUE\"", "\"\"", "true", "[]", "{}", "[\"IM\"]", huge);
            case INT_LIST -> List.of("[null]", "[2022,null]", "\"2022\"", "2022", "[\"2022\"]", "[2022.5]",
                    "[[2022]]", "{}", "[1e999999999]", "[true]");
            case STRING_LIST -> List.of("[null]", "[\"base-1\",null]", "\"base-1\"", "[5]", "[true]", "[[]]", "{}",
                    "[{}]");
            case ENUM_LIST -> List.of("[null]", "[\"INTEGRATOR\",null]", "\"INTEGRATOR\"", "[5]", "[\"ROOT\"]",
                    "[[]]", "{}", "[true]");
            case OBJECT -> List.of("\"x\"", "5", "true", "[]", "[null]", "{\"noSuchField\":1}");
        };
    }

    @Test
    void noMalformedRequestIsAnErrorOfTheServerOrStoresAnything() throws Exception {
        List<String> eventsBefore = storedEventIds();
        long keysBefore = storedKeys();

        for (Endpoint e : endpoints()) {
            for (Map.Entry<String, Kind> field : e.fields().entrySet()) {
                for (String wrong : wrongValues(field.getValue())) {
                    String body = with(e.body(), field.getKey(), wrong);
                    if (field.getKey().startsWith("candidate.")) {
                        // a what-if variant's parameters are read by the rule-set reader, not by type: any
                        // answer but a 5xx (and a problem when refused); what-if stores nothing
                        expectNoServerError(e.name() + " " + field.getKey() + "=" + shortText(wrong), e.path(), body);
                        continue;
                    }
                    expectRefused(e.name() + " " + field.getKey() + "=" + shortText(wrong), e.path(),
                            "application/json", bytes(body), displayed(field.getKey()));
                    // the same item in a batch, for the writes a batch takes
                    String type = batchType(e);
                    if (type != null && !field.getKey().startsWith("changes.")) {
                        expectRefusedItem(e.name() + " batch item " + field.getKey() + "=" + shortText(wrong),
                                batchOf(type, e, body), displayed(field.getKey()));
                    }
                }
            }
            generic(e);
        }
        batchLevel();
        rosterCsv();
        apiKeysTooMany();
        oversize();

        System.out.println("HostileInputTest: " + sent + " malformed requests, answers by status: " + byStatus);
        assertThat(failures).as("answers that broke the contract").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(1_000);
        assertThat(byStatus.keySet()).allMatch(s -> s < 500);
        assertThat(storedEventIds()).as("no event stored by a malformed request").isEqualTo(eventsBefore);
        assertThat(storedKeys()).as("no key made by a malformed request").isEqualTo(keysBefore);
    }

    /** Mutations of the whole body, the same for every endpoint. */
    private void generic(Endpoint e) throws Exception {
        String valid = e.body();
        String first = e.fields().keySet().iterator().next();
        String topFirst = first.contains(".") || first.contains("[") ? first.split("[.\\[]")[0] : first;
        String dupValue = JSON.readTree(valid).get(topFirst).toString();
        String duplicated = valid.substring(0, valid.length() - 1) + ",\"" + topFirst + "\":" + dupValue + "}";
        expectRefused(e.name() + " duplicate key", e.path(), "application/json", bytes(duplicated), topFirst);
        String unknown = valid.substring(0, valid.length() - 1) + ",\"noSuchField\":1}";
        expectRefused(e.name() + " unknown field", e.path(), "application/json", bytes(unknown), "noSuchField");
        for (String trailing : List.of(" x", "{}", "[]", " 1", ",{}", "}", "\"", " null")) {
            expectRefused(e.name() + " trailing " + trailing, e.path(), "application/json", bytes(valid + trailing), null);
        }
        for (String bad : List.of("", " ", "null", "[]", "\"x\"", "5", "true", "{", "{\"a\":", "{'a':1}", "{a:1}",
                valid.substring(0, valid.length() - 1), "[" + valid + "]", "\uFEFF\uFEFF" + valid, "{\"a\":1,}",
                "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x\"}", "/* c */" + valid)) {
            expectRefused(e.name() + " body " + shortText(bad), e.path(), "application/json", bytes(bad), null);
        }
        // deep nesting, inside a field and as the whole body
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        expectRefused(e.name() + " deep array", e.path(), "application/json",
                bytes(with(valid, first, deep)), null);
        expectRefused(e.name() + " deep body", e.path(), "application/json", bytes("{\"a\":".repeat(5_000) + "1"
                + "}".repeat(5_000)), null);
        // invalid UTF-8 inside a string, and a lone continuation byte as a value
        byte[] raw = bytes(with(valid, first, "\"AB\""));
        int at = indexOf(raw, "AB".getBytes(StandardCharsets.US_ASCII));
        raw[at] = (byte) 0xC3;
        raw[at + 1] = (byte) 0x28;
        expectRefused(e.name() + " invalid UTF-8", e.path(), "application/json", raw, null);
        byte[] raw2 = bytes(valid);
        raw2[1] = (byte) 0xFF;
        expectRefused(e.name() + " invalid UTF-8 key", e.path(), "application/json", raw2, null);
        // a number too long to read, anywhere: refused by the parser, which does not know the field
        expectRefused(e.name() + " a 100,000-digit number", e.path(), "application/json",
                bytes(with(valid, first, "9".repeat(100_000))), null);
        // wrong content types
        List<String> types = new ArrayList<>(List.of("application/xml", "application/octet-stream",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png", "json"));
        if (!e.name().equals("roster")) {
            types.add("text/plain");
            types.add("text/csv");
        }
        for (String type : types) {
            expectRefused(e.name() + " content type " + type, e.path(), type, bytes(valid), null);
        }
        expectRefused(e.name() + " no content type", e.path(), null, bytes(valid), null);
        // a string of 200,000 characters where a field of this write belongs, and a body past its limit
        expectRefused(e.name() + " huge unknown field", e.path(), "application/json",
                bytes(valid.substring(0, valid.length() - 1) + ",\"" + HUGE_MARK.repeat(200_000) + "\":1}"), null);
    }

    /** The batch request itself: what it holds instead of items. */
    private void batchLevel() throws Exception {
        String path = "/api/v1/batches";
        for (String bad : List.of("{}", "{\"items\":null}", "{\"items\":{}}", "{\"items\":\"x\"}", "{\"items\":5}",
                "{\"items\":[],\"items\":[]}", "{\"items\":[]} {}", "{\"noSuchField\":[]}")) {
            expectRefused("batch " + bad, path, "application/json", bytes(bad), null);
        }
        for (String item : List.of("null", "5", "\"x\"", "[]", "{}", "{\"type\":5}", "{\"type\":\"nonsense\"}",
                "{\"type\":\"credit\"}", "{\"type\":\"credit\",\"practitionerId\":5}",
                "{\"type\":\"credit-revocation\",\"practitionerId\":\"ghost-p\",\"reason\":\"x\"}",
                "{\"type\":null,\"practitionerId\":\"ghost-p\"}", "[[[[]]]]")) {
            expectRefusedItem("batch item " + item, "{\"items\":[" + item + "]}", null);
        }
        StringBuilder many = new StringBuilder("{\"items\":[");
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        expectRefused("batch of 10,001 items", path, "application/json", bytes(many + "]}"), "items");
    }

    /** CSV rosters: malformed files are refused or answered row by row, never stored and never a 5xx. */
    private void rosterCsv() throws Exception {
        String path = B + "/sessions/s1/roster";
        String header = "序号,姓名,人员编号,学时,科目类别\n";
        List<byte[]> files = new ArrayList<>(List.of(new byte[0], bytes("\n\n\n"), bytes("a,b,c\n1,2,3\n"),
                bytes(header + "1,王芳,ghost-p,1e999999999,公需\n"), bytes(header + "1,王芳,ghost-p,1e100000000,公需\n"),
                bytes(header + "1,王芳,ghost-p,-1e999999999,公需\n"), bytes(header + "1,王芳,ghost-p,1e-999999999,公需\n"),
                bytes(header + "1,王芳,ghost-p," + "9".repeat(100_000) + ",公需\n"),
                bytes(header + "1,王芳,ghost-p,8,公需,extra,cells\n"), bytes(header + "1,\"unterminated,8,公需\n"),
                bytes(header + "1,王芳,ghost-p,8," + HUGE_MARK.repeat(200_000) + "\n"),
                bytes("序号,姓名,身份证号,学时,科目类别\n1,王芳," + HUGE_MARK.repeat(100_000) + ",8,公需\n"),
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, (byte) 0x81}));
        StringBuilder wide = new StringBuilder(header);
        for (int i = 0; i < 20_000; i++) {
            wide.append(i).append(",王芳,ghost-").append(i).append(",8,公需\n");
        }
        files.add(bytes(wide.toString()));
        for (byte[] file : files) {
            String text = new String(file, 0, Math.min(file.length, 40), StandardCharsets.UTF_8);
            Answer a = send("roster CSV " + shortText(text), path, "text/csv", file);
            if (a.status() == 200) {
                JsonNode rows = a.body().path("rows");
                if (a.body().path("accepted").asInt() != 0 || a.body().path("duplicate").asInt() != 0) {
                    failures.add("roster CSV " + shortText(text) + ": accepted " + a.raw().substring(0, 200));
                }
                for (JsonNode row : rows) {
                    checkDetail("roster CSV row", row.path("message").asText(""));
                }
            } else {
                checkProblem("roster CSV " + shortText(text), a, null);
            }
        }
    }

    /** A key naming 5,000 bases does not fit its column: refused, not a 500. */
    private void apiKeysTooMany() throws Exception {
        StringBuilder bases = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            bases.append(i == 0 ? "" : ",").append("\"base-").append(i).append('"');
        }
        expectRefused("api-keys 5,000 baseIds", "/api/v1/api-keys", "application/json",
                bytes("{\"name\":\"many\",\"roles\":[\"INTEGRATOR\"],\"baseIds\":[" + bases + "]}"), "baseIds");
        expectRefused("api-keys name of 201", "/api/v1/api-keys", "application/json",
                bytes("{\"name\":\"" + "n".repeat(201) + "\",\"roles\":[\"INTEGRATOR\"]}"), "name");
    }

    /** Bodies past their limit: declared (answered before a byte is read) and chunked (counted as read). */
    private void oversize() throws Exception {
        for (Endpoint e : endpoints()) {
            long limit = e.path().endsWith("/roster") ? 32L << 20 : 1L << 20;
            // declared: only the head is sent; the answer comes without the body
            Answer declared = declaredOnly(e.path(), 100L << 20);
            record(declared);
            expect413(e.name() + " declared 100 MiB", declared);
            // chunked, just past the limit
            Answer chunked = chunked(e.path(), limit + 1);
            record(chunked);
            expect413(e.name() + " chunked past " + limit, chunked);
        }
        Answer batchDeclared = declaredOnly("/api/v1/batches", 100L << 20);
        record(batchDeclared);
        expect413("batch declared 100 MiB", batchDeclared);
        Answer batchChunked = chunked("/api/v1/batches", (32L << 20) + 1);
        record(batchChunked);
        expect413("batch chunked past 32 MiB", batchChunked);
    }

    private void expect413(String what, Answer a) {
        if (a.status() != 413) {
            failures.add(what + ": " + a.status() + " " + shortText(a.raw()));
        } else {
            checkProblem(what, a, null);
        }
    }

    // ------------------------------------------------------------------ expectations

    private void expectNoServerError(String what, String path, String body) throws Exception {
        Answer a = send(what, path, "application/json", bytes(body));
        if (a.status() >= 400) {
            checkProblem(what, a, null);
        }
    }

    private void expectRefused(String what, String path, String contentType, byte[] body, String field) throws Exception {
        Answer a = send(what, path, contentType, body);
        if (a.status() == 200 && path.endsWith("/roster") && a.body() != null) {
            // a roster is answered row by row: refused means no row accepted, each invalid row with its problem
            if (a.body().path("accepted").asInt() != 0 || a.body().path("duplicate").asInt() != 0) {
                failures.add(what + ": roster rows accepted " + shortText(a.raw()));
            }
            for (JsonNode row : a.body().path("rows")) {
                checkDetail(what, row.path("message").asText(""));
            }
            return;
        }
        if (a.status() < 400) {
            failures.add(what + ": accepted with " + a.status() + " " + shortText(a.raw()));
            return;
        }
        checkProblem(what, a, field);
    }

    /** A batch of one item: refused as a whole (unreadable) or answered 200 with the item INVALID. */
    private void expectRefusedItem(String what, String batch, String field) throws Exception {
        Answer a = send(what, "/api/v1/batches", "application/json", bytes(batch));
        if (a.status() >= 400) {
            checkProblem(what, a, null);
            return;
        }
        JsonNode result = a.body() == null ? null : a.body().path("results").path(0);
        if (a.status() != 200 || result == null || !result.path("status").asText().matches("INVALID|NOT_FOUND")) {
            failures.add(what + ": " + a.status() + " " + shortText(a.raw()));
            return;
        }
        if (result.path("status").asText().equals("NOT_FOUND") && field != null) {
            failures.add(what + ": the item was read as valid: " + shortText(a.raw()));
            return;
        }
        JsonNode problem = result.path("problem");
        checkDetail(what, problem.path("detail").asText(""));
        if (field != null && !fieldMatches(problem.path("field").asText(null), field)) {
            failures.add(what + ": item field " + problem.path("field") + ", expected " + field);
        }
    }

    private void checkProblem(String what, Answer a, String field) {
        if (a.status() >= 500) {
            failures.add(what + ": " + a.status() + " " + shortText(a.raw()));
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            failures.add(what + ": " + a.status() + " as " + a.contentType());
            return;
        }
        if (a.body() == null || a.body().path("title").asText("").isBlank() || a.body().path("status").asInt() != a.status()) {
            failures.add(what + ": not a problem: " + shortText(a.raw()));
            return;
        }
        checkDetail(what, a.body().path("detail").asText(""));
        if (field != null && !fieldMatches(a.body().path("field").asText(null), field)) {
            failures.add(what + ": " + a.status() + " field " + a.body().path("field") + ", expected " + field
                    + " (" + shortText(a.body().path("detail").asText()) + ")");
        }
    }

    private void checkDetail(String what, String detail) {
        if (detail.isBlank()) {
            failures.add(what + ": no detail");
        }
        if (JAVA_NAMES.matcher(detail).find()) {
            failures.add(what + ": Java names in the detail: " + shortText(detail));
        }
        if (detail.length() > 600 || detail.contains(HUGE_MARK.repeat(101)) || detail.contains("9".repeat(101))) {
            failures.add(what + ": the detail echoes too much (" + detail.length() + " characters)");
        }
    }

    /** The expected field, or a field inside it (a list's item, an object's member). */
    private static boolean fieldMatches(String actual, String expected) {
        return actual != null && (actual.equals(expected) || actual.startsWith(expected + ".")
                || actual.startsWith(expected + "["));
    }

    // ------------------------------------------------------------------ bodies

    /** The batch item type of a single write, or null for endpoints a batch does not take. */
    private static String batchType(Endpoint e) {
        return switch (e.name()) {
            case "practitioners" -> "practitioner";
            case "profile-corrections" -> "profile-correction";
            case "credits", "credits (minutes)" -> "credit";
            case "credit revocations" -> "credit-revocation";
            case "credit reassignments" -> "credit-reassignment";
            case "conversions" -> "conversion";
            case "conversion revocations" -> "conversion-revocation";
            case "exemptions" -> "exemption";
            case "exemption revocations" -> "exemption-revocation";
            case "transfers" -> "transfer";
            default -> null;
        };
    }

    private static String batchOf(String type, Endpoint e, String body) {
        String extra = switch (type) {
            case "practitioner" -> "";
            case "credit-revocation", "credit-reassignment" -> "\"practitionerId\":\"ghost-p\",\"awardId\":\"a-1\",";
            case "conversion-revocation" -> "\"practitionerId\":\"ghost-p\",\"conversionId\":\"d1\",";
            case "exemption-revocation" -> "\"practitionerId\":\"ghost-p\",\"exemptionId\":\"e1\",";
            default -> "\"practitionerId\":\"ghost-p\",";
        };
        return "{\"items\":[{\"type\":\"" + type + "\"," + extra + body.substring(1) + "]}";
    }

    /** The body with the field at {@code path} (dots and [i] into it; "\\." a dot inside a name) given raw JSON. */
    static String with(String body, String path, String rawValue) throws IOException {
        String marker = "\u0000MUTATION\u0000";
        JsonNode root = JSON.readTree(body);
        String[] parts = path.split("(?<!\\\\)\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i].replace("\\.", "."));
        }
        ((ObjectNode) node).put(parts[parts.length - 1].replace("\\.", "."), marker);
        return JSON.writeValueAsString(root).replace("\"" + marker.replace("\u0000", "\\u0000") + "\"", rawValue);
    }

    private static JsonNode step(JsonNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return node.get(part);
        }
        JsonNode list = node.get(part.substring(0, bracket));
        return list.get(Integer.parseInt(part.substring(bracket + 1, part.indexOf(']'))));
    }

    /** The field as the ledger names it: the path with a dot in a name left as is. */
    private static String displayed(String path) {
        return path.replace("\\.", ".");
    }

    // ------------------------------------------------------------------ HTTP

    record Answer(int status, String contentType, JsonNode body, String raw) {
    }

    private Answer send(String what, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > 10_000) {
            failures.add(what + ": took " + millis + " ms");
        }
        Answer a = answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        record(a);
        return a;
    }

    private void record(Answer a) {
        sent++;
        byStatus.merge(a.status(), 1, Integer::sum);
    }

    private static Answer answer(int status, String contentType, String raw) {
        JsonNode body = null;
        try {
            body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
        } catch (IOException notJson) {
            body = null;
        }
        return new Answer(status, contentType, body, raw == null ? "" : raw);
    }

    /** Sends only the head of a request declaring {@code length} bytes, and reads the answer. */
    private Answer declaredOnly(String path, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{\"a\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    /** Sends {@code length} bytes chunked (no Content-Length), stopping when the answer comes. */
    private Answer chunked(String path, long length) throws Exception {
        InputStream body = new InputStream() {
            long left = length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                // whitespace, which a JSON reader must read through to the value: all of it is read
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = off; i < off + n; i++) {
                    b[i] = ' ';
                }
                left -= n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", path.endsWith("/roster") ? "application/json" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException closedWhileSending) {
            // The server answered and closed while the client still sent: read nothing more, but it must have
            // been the 413 (the connection is closed after it); confirm through a declared request.
            return declaredOnly(path, length);
        }
    }

    /**
     * Reads one answer: its head, then the body by its Content-Length (the ledger answers a refused body at
     * once; the connection may stay open while the server waits for the body it will not read).
     */
    private static Answer readAnswer(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before an answer: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        int length = -1;
        for (String line : lines) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            }
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("expected a Content-Length: " + head);
        }
        return answer(status, contentType, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ store

    private List<String> storedEventIds() {
        return jdbc.queryForList("SELECT eventIdentifier FROM DomainEventEntry ORDER BY globalIndex", String.class);
    }

    private long storedKeys() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Long.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static String shortText(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "…";
    }
}
