package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Supervision end to end (RULES.md §8): a plan filed late, a roster of 50 with 3 bad rows, a random
 * check that draws the session and that anyone can re-draw, and a FALSIFIED inspection after which
 * the 47 credited practitioners lose exactly those hours, with the inspection cited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + SupervisionEndToEndTest.ADMIN, "ledger.evaluation-year=2026"})
class SupervisionEndToEndTest {

    static final String ADMIN = "supervision-admin";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/supervision-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    String key(String name, String role, String baseId) {
        String bases = baseId == null ? "" : ",\"baseIds\":[\"" + baseId + "\"]";
        return api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]" + bases + "}")
                .body().path("key").asText();
    }

    String registerBase(String supervisor, String name) {
        String baseId = name + "-" + run;
        Api.Response r = api.post("/api/v1/bases", supervisor, "{\"baseId\":\"" + baseId + "\",\"name\":\"" + name
                + "培训基地\",\"level\":\"REGIONAL\",\"jurisdiction\":\"IM\",\"region\":\"包头市\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return baseId;
    }

    List<String> registerPractitioners(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String id = prefix + i + "-" + run;
            ids.add(id);
            items.append(i == 0 ? "" : ",").append("{\"type\":\"practitioner\",")
                    .append(Api.registration(id).substring(1));
        }
        assertThat(api.post("/api/v1/batches", ADMIN, "{\"items\":[" + items + "]}").body().path("accepted").asInt())
                .isEqualTo(n);
        return ids;
    }

    Api.Response plan(String key, String baseId, String sessionId, String start, String end, int capacity) {
        return api.post("/api/v1/bases/" + baseId + "/sessions", key, "{\"sessionId\":\"" + sessionId
                + "\",\"title\":\"专业技术人员能力提升培训\",\"category\":\"PROFESSIONAL\",\"mode\":\"IN_PERSON\",\"startDate\":\""
                + start + "\",\"endDate\":\"" + end + "\",\"location\":\"包头\",\"capacity\":" + capacity + "}");
    }

    JsonNode history(String practitionerId) {
        return api.get("/api/v1/practitioners/" + practitionerId + "/history", ADMIN).body();
    }

    boolean has(String practitionerId, String type, String awardId) {
        for (JsonNode e : history(practitionerId)) {
            if (e.path("type").asText().equals(type) && e.path("payload").path("awardId").asText().equals(awardId)) {
                return true;
            }
        }
        return false;
    }

    void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aFalsifiedSessionDrawnByARandomCheckLosesEveryCreditItProduced() throws Exception {
        String supervisor = key("盟市人社局", "SUPERVISOR", null);
        String baseId = registerBase(supervisor, "steel");
        String baseKey = key("steel base platform", "INTEGRATOR", baseId);
        String otherBaseKey = key("other base", "INTEGRATOR", "elsewhere");
        List<String> people = registerPractitioners("t", 49);

        // a plan filed late: the session started before it was filed (IM-2025 一(六)1: ≥ 14 days before)
        String session = "s-" + run;
        assertThat(plan(otherBaseKey, baseId, session, "2026-11-09", "2026-11-11", 40).status()).isEqualTo(403);
        assertThat(plan(baseKey, baseId, session, "2026-11-09", "2026-11-11", 40).status()).isEqualTo(201);

        // a roster of 50 with 3 bad rows: an unknown practitioner, negative hours, no category
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 47; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"practitionerId\":\"").append(people.get(i))
                    .append("\",\"hours\":30,\"category\":\"PROFESSIONAL\"}");
        }
        rows.append(",{\"practitionerId\":\"nobody-").append(run).append("\",\"hours\":30,\"category\":\"PROFESSIONAL\"}");
        rows.append(",{\"practitionerId\":\"").append(people.get(47)).append("\",\"hours\":-2,\"category\":\"PROFESSIONAL\"}");
        rows.append(",{\"practitionerId\":\"").append(people.get(48)).append("\",\"hours\":30}");
        String roster = "{\"entries\":[" + rows + "]}";
        Api.Response answer = api.post("/api/v1/bases/" + baseId + "/sessions/" + session + "/roster", baseKey, roster);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("accepted").asInt()).isEqualTo(47);
        assertThat(answer.body().path("rejected").asInt()).isEqualTo(3);
        JsonNode results = answer.body().path("rows");
        assertThat(results.get(47).path("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(results.get(48).path("status").asText()).isEqualTo("INVALID");
        assertThat(results.get(48).path("field").asText()).isEqualTo("hours");
        assertThat(results.get(49).path("field").asText()).isEqualTo("category");
        Api.Response again = api.post("/api/v1/bases/" + baseId + "/sessions/" + session + "/roster", baseKey, roster);
        assertThat(again.body().path("duplicate").asInt()).as("a resubmitted roster doubles nothing").isEqualTo(47);

        String award = session + "/" + people.get(0);
        await("the roster's credits", () -> people.subList(0, 47).stream()
                .allMatch(p -> has(p, "CreditAwarded", session + "/" + p)));
        assertThat(has(people.get(47), "CreditAwarded", session + "/" + people.get(47))).isFalse();
        assertThat(history(people.get(0)).size()).as("registration + one award, once").isEqualTo(2);

        // two quieter sessions at another base, so that the draw has a choice
        String quietBase = registerBase(supervisor, "quiet");
        String quietKey = key("quiet base", "INTEGRATOR", quietBase);
        for (String s : List.of("q1-" + run, "q2-" + run)) {
            assertThat(plan(quietKey, quietBase, s, "2026-12-20", "2026-12-21", 100).status()).isEqualTo(201);
        }

        await("the supervision view", () -> {
            JsonNode base = api.get("/api/v1/bases/" + baseId, supervisor).body();
            return base != null && base.path("sessions").size() == 1
                    && base.path("sessions").get(0).path("headcount").asInt() == 47;
        });
        JsonNode report = api.get("/api/v1/bases/" + baseId, supervisor).body().path("sessions").get(0);
        List<String> signals = new ArrayList<>();
        report.path("findings").forEach(f -> signals.add(f.path("signal").asText()));
        assertThat(signals).contains("PLAN_LATE", "OVER_CAPACITY", "HOURS_EXCEED_DAYS");
        assertThat(report.path("ruleSet").asText()).isEqualTo("IM-2025");
        await("the quiet sessions", () -> api.get("/api/v1/supervision/sessions?year=2026&jurisdiction=IM", supervisor)
                .body().size() >= 3);
        JsonNode late = api.get("/api/v1/supervision/sessions?year=2026&signal=PLAN_LATE", supervisor).body();
        assertThat(late.toString()).contains(session);

        // a random check that draws the session: the first seed whose draw of one includes it
        JsonNode sample = null;
        for (int seed = 1; seed <= 50 && sample == null; seed++) {
            Api.Response drawn = api.post("/api/v1/inspection-samples", supervisor,
                    "{\"year\":2026,\"size\":1,\"seed\":\"check-" + run + "-" + seed + "\",\"jurisdiction\":\"IM\"}");
            assertThat(drawn.status()).as(drawn.raw()).isEqualTo(201);
            if (drawn.body().path("sample").path("selected").get(0).path("sessionId").asText().equals(session)) {
                sample = drawn.body().path("sample");
            }
        }
        assertThat(sample).as("some seed draws the risky session").isNotNull();
        String seed = sample.path("seed").asText();
        Api.Response redrawn = api.post("/api/v1/inspection-samples", supervisor,
                "{\"year\":2026,\"size\":1,\"seed\":\"" + seed + "\",\"jurisdiction\":\"IM\"}");
        assertThat(redrawn.status()).isEqualTo(200);
        assertThat(redrawn.body().path("sample")).isEqualTo(sample);
        assertThat(drawOutsideTheApp(seed, 1, sample.path("population")))
                .as("the documented algorithm, re-implemented here, draws the same sessions")
                .containsExactly(baseId + "/" + session);

        // the inspection finds falsification: every credit of the session is revoked, with the inspection as cause
        String inspectionId = "insp-" + run;
        Api.Response inspected = api.post("/api/v1/bases/" + baseId + "/sessions/" + session + "/inspections",
                supervisor, "{\"inspectionId\":\"" + inspectionId + "\",\"inspector\":\"张检查\",\"date\":\"2026-11-20\","
                        + "\"observedHeadcount\":12,\"observedHours\":6,\"verdict\":\"FALSIFIED\",\"notes\":\"签到表伪造\"}");
        assertThat(inspected.status()).as(inspected.raw()).isEqualTo(201);
        await("the revocations", () -> people.subList(0, 47).stream()
                .allMatch(p -> has(p, "CreditRevoked", session + "/" + p)));
        JsonNode revocation = history(people.get(0)).get(2);
        assertThat(revocation.path("payload").path("cause").asText()).isEqualTo("FAILED_INSPECTION");
        assertThat(revocation.path("payload").path("causeReference").asText()).isEqualTo(inspectionId);
        for (String p : people.subList(0, 47)) {
            JsonNode year = api.get("/api/v1/practitioners/" + p + "/years", ADMIN).body().get(0);
            assertThat(year.path("professional").decimalValue()).as(p).isZero();
            assertThat(year.path("items").get(0).path("note").asText()).contains(inspectionId);
        }
        assertThat(history(people.get(0)).size()).isEqualTo(3);
        assertThat(award).isEqualTo(session + "/" + people.get(0));
    }

    static String sessionCredit(String awardId, String baseId, String sessionId, String hours) {
        return """
                {"awardId":"%s","year":2026,"category":"PROFESSIONAL","activity":"BASE_TRAINING","hours":%s,
                 "baseId":%s,"sessionId":"%s","approvedBy":"training base","completedOn":"2026-11-11"}"""
                .formatted(awardId, hours, baseId == null ? "null" : "\"" + baseId + "\"", sessionId);
    }

    @Test
    void aRosterRowThatCannotBeCreditedSaysSoOnItsRosterAndABaseNamesOnlyItsOwnSessions() throws Exception {
        String supervisor = key("盟市人社局", "SUPERVISOR", null);
        String auditor = key("审计", "AUDITOR", null);
        String baseId = registerBase(supervisor, "bookings");
        String otherBase = registerBase(supervisor, "rival");
        String baseKey = key("roster base", "INTEGRATOR", baseId);
        String otherKey = key("rival base", "INTEGRATOR", otherBase);
        List<String> people = registerPractitioners("r", 2);
        String session = "rs-" + run;
        assertThat(plan(baseKey, baseId, session, "2026-11-09", "2026-11-11", 40).status()).isEqualTo(201);
        String p1 = people.get(0);
        String p2 = people.get(1);

        // a base names only its own sessions: another base's session, or a session without its base, is refused
        Api.Response foreign = api.post("/api/v1/practitioners/" + p2 + "/credits", otherKey,
                sessionCredit("foreign-" + run, otherBase, session, "2"));
        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(422);
        assertThat(foreign.field()).isEqualTo("sessionId");
        assertThat(foreign.body().path("detail").asText())
                .isEqualTo("base " + otherBase + " has no session " + session
                        + ": a credit names a session its base filed or reported");
        Api.Response baseless = api.post("/api/v1/practitioners/" + p2 + "/credits", baseKey,
                sessionCredit("baseless-" + run, null, session, "2"));
        assertThat(baseless.status()).as(baseless.raw()).isEqualTo(422);
        assertThat(baseless.field()).isEqualTo("baseId");

        // the base first credits p1 for the session itself, under the roster's award id with other hours
        Api.Response direct = api.post("/api/v1/practitioners/" + p1 + "/credits", baseKey,
                sessionCredit(session + "/" + p1, baseId, session, "2"));
        assertThat(direct.status()).as(direct.raw()).isEqualTo(201);

        // then its roster names p1 with 16 h: the row is ACCEPTED on the roster, but p1 refuses the award
        Api.Response answer = api.post("/api/v1/bases/" + baseId + "/sessions/" + session + "/roster", baseKey,
                "{\"entries\":[{\"practitionerId\":\"" + p1 + "\",\"hours\":16,\"category\":\"PROFESSIONAL\"},"
                        + "{\"practitionerId\":\"" + p2 + "\",\"hours\":16,\"category\":\"PROFESSIONAL\"}]}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.body().path("creditsRecorded").asBoolean()).isTrue();

        String path = "/api/v1/bases/" + baseId + "/sessions/" + session + "/roster";
        Api.Response roster = api.get(path, baseKey);
        assertThat(roster.status()).as(roster.raw()).isEqualTo(200);
        assertThat(roster.body()).isEqualTo(Api.tree("""
                {"baseId":"%s","sessionId":"%s","rosterSubmittedOn":"%s","falsifiedBy":null,"rows":[
                 {"practitionerId":"%s","hours":16.0,"category":"PROFESSIONAL","awardId":"%s/%s","credit":"NOT_CREDITED",
                  "reason":"awardId %s/%s was already used for a different fact"},
                 {"practitionerId":"%s","hours":16.0,"category":"PROFESSIONAL","awardId":"%s/%s","credit":"CREDITED",
                  "reason":null}]}""".formatted(baseId, session, roster.body().path("rosterSubmittedOn").asText(),
                p1, session, p1, session, p1, p2, session, p2)));
        assertThat(roster.header("Ledger-Position")).isEqualTo(api.get(path, auditor).header("Ledger-Position"));
        assertThat(api.get(path, otherKey).status()).as("another base's key").isEqualTo(403);
        assertThat(api.get(path, supervisor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/bases/" + baseId + "/sessions/nothing/roster", baseKey).status()).isEqualTo(404);
        // who recorded the refusal: the roster's key, through the process
        JsonNode audit = api.get("/api/v1/audit?actor=" + AccountabilityTest.keyId(baseKey), auditor).body();
        assertThat(audit.toString()).contains("RosterCreditRefused");

        // a FALSIFIED verdict revokes what the roster credited; the refused row stays NOT_CREDITED
        Api.Response unknown = api.post("/api/v1/bases/nowhere-" + run + "/sessions/" + session + "/inspections",
                supervisor, "{\"inspectionId\":\"ri-" + run + "\",\"inspector\":\"张检查\",\"date\":\"2026-11-20\","
                        + "\"verdict\":\"CONFIRMED\"}");
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(unknown.field()).isEqualTo("baseId");
        assertThat(unknown.body().path("detail").asText()).isEqualTo("No training base nowhere-" + run + " is registered.");
        Api.Response inspected = api.post("/api/v1/bases/" + baseId + "/sessions/" + session + "/inspections", supervisor,
                "{\"inspectionId\":\"ri-" + run + "\",\"inspector\":\"张检查\",\"date\":\"2026-11-20\","
                        + "\"verdict\":\"FALSIFIED\",\"notes\":\"签到表伪造\"}");
        assertThat(inspected.body().path("revocationsRecorded").asBoolean()).as(inspected.raw()).isTrue();
        JsonNode rows = api.get(path, baseKey).body().path("rows");
        assertThat(rows.get(0).path("credit").asText()).isEqualTo("NOT_CREDITED");
        assertThat(rows.get(1).path("credit").asText()).isEqualTo("REVOKED");
    }

    @Test
    void aGbkCsvRosterWithChineseNamesImportsAndAMalformedOneStoresNothingWrong() throws Exception {
        String supervisor = key("旗县人社局", "SUPERVISOR", null);
        String baseId = registerBase(supervisor, "csv");
        String baseKey = key("csv base", "INTEGRATOR", baseId);
        // practitioners registered with their resident ID numbers (身份证号, GB 11643 with its check character),
        // which the roster names them by: the ledger finds each through its index, the number never an id
        List<String> people = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String id = "csv-p" + i + "-" + run;
            String number = residentId("15020319800517" + String.format("%03d", 2 * i + 10 * (run.hashCode() & 0x1f)));
            people.add(id);
            numbers.add(number);
            Api.Response r = api.post("/api/v1/practitioners", ADMIN,
                    "{\"idNumber\":\"" + number + "\"," + Api.registration(id).substring(1));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
        }
        assertThat(plan(baseKey, baseId, "csv-s1", "2026-11-02", "2026-11-03", 10).status()).isEqualTo(201);
        String csv = "序号,姓名,性别,身份证号,单位,学时,科目类别\n"
                + "1,王芳,女," + numbers.get(0) + ",包头市第一中学,12,专业科目\n"
                + "2,\"李明, 工程师\",男," + numbers.get(1) + ",包钢集团,8.5,公需科目\n"
                + "3,赵敏,女," + numbers.get(2) + ",包头市医院,6,专业科目\n";
        JsonNode answer = postCsv(baseKey, baseId, "csv-s1", csv.getBytes(Charset.forName("GBK")));
        assertThat(answer.path("accepted").asInt()).as(answer.toString()).isEqualTo(3);
        await("the CSV roster's credits", () -> has(people.get(1), "CreditAwarded", "csv-s1/" + people.get(1)));
        JsonNode credit = history(people.get(1)).get(1).path("payload");
        assertThat(credit.path("hours").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(credit.path("category").asText()).isEqualTo("PUBLIC");

        assertThat(plan(baseKey, baseId, "csv-s2", "2026-11-02", "2026-11-03", 10).status()).isEqualTo(201);
        String malformed = "序号,姓名,性别,人员编号,单位,学时,科目类别\n"
                + "1,王芳,女," + people.get(0) + ",一中,abc,专业科目\n"
                + "2,李明,男," + people.get(1) + ",包钢,4,体育科目\n"
                + "3,赵敏,女\n"
                + "4,赵敏,女," + people.get(2) + ",医院,4,专业科目\n";
        JsonNode rows = postCsv(baseKey, baseId, "csv-s2", malformed.getBytes(StandardCharsets.UTF_8));
        assertThat(rows.path("accepted").asInt()).isEqualTo(1);
        assertThat(rows.path("rejected").asInt()).isEqualTo(3);
        List<Integer> rejectedRows = new ArrayList<>();
        rows.path("rows").forEach(r -> {
            if (!r.path("status").asText().equals("ACCEPTED")) {
                rejectedRows.add(r.path("row").asInt());
                assertThat(r.path("message").asText()).isNotBlank();
            }
        });
        assertThat(rejectedRows).containsExactly(2, 3, 4);
        await("the one good row's credit", () -> has(people.get(2), "CreditAwarded", "csv-s2/" + people.get(2)));
        assertThat(has(people.get(0), "CreditAwarded", "csv-s2/" + people.get(0))).isFalse();
        assertThat(has(people.get(1), "CreditAwarded", "csv-s2/" + people.get(1))).isFalse();
    }

    /** A resident ID number: 17 digits and the GB 11643-1999 check character. */
    static String residentId(String body17) {
        return body17 + org.celedger.domain.practitioner.ResidentIdNumber.checkCharacter(body17);
    }

    private JsonNode postCsv(String key, String baseId, String sessionId, byte[] body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/bases/" + baseId + "/sessions/" + sessionId + "/roster"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Api.tree(r.body());
    }

    /** The README's sampling algorithm, written again from its description: A-ES keys ln(u)/w from SHA-256. */
    static List<String> drawOutsideTheApp(String seed, int size, JsonNode population) throws Exception {
        record Candidate(String key, double sortKey) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode c : population) {
            String id = c.path("baseId").asText() + "/" + c.path("sessionId").asText();
            byte[] h = MessageDigest.getInstance("SHA-256").digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
            BigInteger x = new BigInteger(1, java.util.Arrays.copyOf(h, 8));
            BigInteger m = x.shiftRight(12);
            double u = m.shiftLeft(1).add(BigInteger.ONE).doubleValue() / Math.pow(2, 53);
            candidates.add(new Candidate(id, Math.log(u) / c.path("weight").asInt()));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::sortKey).reversed().thenComparing(Candidate::key));
        return candidates.subList(0, Math.min(size, candidates.size())).stream().map(Candidate::key).toList();
    }
}
