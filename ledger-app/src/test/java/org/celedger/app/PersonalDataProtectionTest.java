package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Personal data end to end (API.md "Personal data"): the resident ID number as a sealed profile field found
 * through its keyed hash, masking by role, lookups that tell nothing to roles without read access, and an
 * erasure that makes name, number and birth date unreadable everywhere while the hours and decisions stay.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + PersonalDataProtectionTest.ADMIN, "ledger.evaluation-year=2026"})
class PersonalDataProtectionTest {

    static final String ADMIN = "personal-data-admin-key-01";
    static final Path DATA = Path.of("target/test-data/personal-data-" + UUID.randomUUID());

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    /** A resident ID number of Hohhot (150102) for a birth date and a sequence (odd for men): check character added. */
    static String idNumber(String yyyymmdd, int sequence) {
        String body = "150102" + yyyymmdd + String.format("%03d", sequence);
        return body + org.celedger.domain.practitioner.ResidentIdNumber.checkCharacter(body);
    }

    static String registration(String id, String name, String idNumber, String birthDate, String gender) {
        return """
                {"id":"%s","name":"%s","idNumber":%s,"gender":"%s","birthDate":"%s","jurisdiction":"IM",
                 "region":"呼和浩特市","sector":"PUBLIC_INSTITUTION","grassroots":false,"titleSeries":"工程",
                 "titleLevel":"INTERMEDIATE","titleObtainedOn":"2015-12-01","degree":"BACHELOR"}"""
                .formatted(id, name, idNumber == null ? "null" : "\"" + idNumber + "\"", gender, birthDate);
    }

    String key(String name, String roles) {
        return api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"" + name + "\",\"roles\":[" + roles + "]}")
                .body().path("key").asText();
    }

    String registrar(String region) {
        return api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"" + region + "人社局\",\"roles\":[\"REGISTRAR\"],"
                + "\"jurisdictions\":[\"IM\"],\"regions\":[\"" + region + "\"]}").body().path("key").asText();
    }

    HttpResponse<String> postCsv(String key, String baseId, String sessionId, String csv) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/bases/" + baseId + "/sessions/" + sessionId + "/roster"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every byte the ledger has written to its data directory, but the key file, as text. */
    static String storedBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(DATA)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("personal-data.key")) {
                    all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return all.toString();
    }

    static String utf8AsLatin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aRosterBy身份证号LeavesNoNumberInTheStoreTheLogOrAnyMaskedAnswer(CapturedOutput output) throws Exception {
        String supervisor = key("盟市人社局", "\"SUPERVISOR\"");
        String auditor = key("职称评审办", "\"AUDITOR\"");
        String registrar = registrar("呼和浩特市");
        String elsewhere = registrar("包头市");
        String baseId = "pd-base-" + run;
        assertThat(api.post("/api/v1/bases", supervisor, "{\"baseId\":\"" + baseId + "\",\"name\":\"数据保护培训基地\","
                + "\"level\":\"REGIONAL\",\"jurisdiction\":\"IM\",\"region\":\"呼和浩特市\"}").status()).isEqualTo(201);
        String baseKey = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"基地平台\",\"roles\":[\"INTEGRATOR\"],"
                + "\"baseIds\":[\"" + baseId + "\"]}").body().path("key").asText();

        // three practitioners with pseudonymous ids, their numbers given as a profile field
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        String[] names = {"钟离嫣然", "司徒浩宇", "欧阳静姝"};
        String[][] births = {{"1986-02-11", "19860211", "FEMALE", "2"}, {"1979-07-30", "19790730", "MALE", "1"},
                {"1992-12-05", "19921205", "FEMALE", "4"}};
        for (int i = 0; i < 3; i++) {
            String id = "pd-" + i + "-" + run;
            String number = idNumber(births[i][1], Integer.parseInt(births[i][3]) + 10 * i);
            ids.add(id);
            numbers.add(number);
            Api.Response r = api.post("/api/v1/practitioners", registrar,
                    registration(id, names[i], number, births[i][0], births[i][2]));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
        }
        // a number unknown to the ledger, and one with a wrong check character
        String unknown = idNumber("19880808", 124);
        String invalid = numbers.get(0).substring(0, 17) + (numbers.get(0).charAt(17) == '1' ? '2' : '1');

        String session = "pd-s-" + run;
        assertThat(api.post("/api/v1/bases/" + baseId + "/sessions", baseKey, "{\"sessionId\":\"" + session
                + "\",\"title\":\"个人信息保护培训\",\"category\":\"PROFESSIONAL\",\"mode\":\"IN_PERSON\",\"startDate\":"
                + "\"2026-11-09\",\"endDate\":\"2026-11-11\",\"location\":\"呼和浩特\",\"capacity\":40}").status())
                .isEqualTo(201);
        String csv = "序号,姓名,性别,身份证号,单位,学时,科目类别\r\n"
                + "1," + names[0] + ",女," + numbers.get(0) + ",内蒙古大学,24,专业科目\r\n"
                + "2," + names[1] + ",男," + numbers.get(1).toLowerCase() + ",内蒙古大学,24,专业科目\r\n"
                + "3," + names[2] + ",女," + numbers.get(2) + ",内蒙古大学,24,专业科目\r\n"
                + "4,无名氏,男," + unknown + ",内蒙古大学,24,专业科目\r\n"
                + "5,错号者,女," + invalid + ",内蒙古大学,24,专业科目\r\n";
        HttpResponse<String> roster = postCsv(baseKey, baseId, session, csv);
        assertThat(roster.statusCode()).as(roster.body()).isEqualTo(200);
        JsonNode rows = Api.tree(roster.body()).path("rows");
        assertThat(rows.get(0).path("practitionerId").asText()).isEqualTo(ids.get(0));
        assertThat(rows.get(1).path("practitionerId").asText()).isEqualTo(ids.get(1));
        assertThat(rows.get(2).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(rows.get(3).path("status").asText()).isEqualTo("INVALID");
        assertThat(rows.get(3).path("field").asText()).isEqualTo("idNumber");
        assertThat(rows.get(3).path("message").asText()).isEqualTo("row 5: no practitioner is registered with this 身份证号");
        assertThat(rows.get(4).path("field").asText()).isEqualTo("idNumber");
        await("the roster's credits", () -> api.get("/api/v1/practitioners/" + ids.get(2) + "/years", auditor)
                .body().toString().contains("24.0"));

        // found by number through the index; the number itself shown whole only to ADMIN and the registrar of the region
        String byNumber = "/api/v1/practitioners?idNumber=" + numbers.get(1);
        JsonNode asAdmin = api.get(byNumber, ADMIN).body().path("items");
        assertThat(asAdmin).hasSize(1);
        assertThat(asAdmin.get(0).path("practitionerId").asText()).isEqualTo(ids.get(1));
        assertThat(asAdmin.get(0).path("name").asText()).isEqualTo(names[1]);
        assertThat(asAdmin.get(0).path("idNumber").asText()).isEqualTo(numbers.get(1));
        assertThat(api.get(byNumber, registrar).body().path("items").get(0).path("idNumber").asText())
                .isEqualTo(numbers.get(1));
        assertThat(api.get(byNumber, elsewhere).body().path("items")).as("out of the registrar's scope").isEmpty();
        JsonNode asAuditor = api.get(byNumber, auditor).body().path("items").get(0);
        assertThat(asAuditor.path("idNumber").asText()).isEqualTo("150102********" + numbers.get(1).substring(14));
        assertThat(asAuditor.path("name").asText()).isEqualTo(names[1]);
        assertThat(api.get("/api/v1/practitioners?idNumber=" + unknown, auditor).body().path("items")).isEmpty();
        assertThat(api.get("/api/v1/practitioners?name=" + java.net.URLEncoder.encode(names[2], StandardCharsets.UTF_8),
                auditor).body().path("items").get(0).path("practitionerId").asText()).isEqualTo(ids.get(2));
        Api.Response wrong = api.get("/api/v1/practitioners?idNumber=" + invalid, auditor);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.field()).isEqualTo("idNumber");
        // no enumeration: roles without read access get the same answer for a registered and an unknown number
        for (String noRead : List.of(baseKey, supervisor)) {
            assertThat(api.get(byNumber, noRead).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/practitioners?idNumber=" + unknown, noRead).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/practitioners?idNumber=" + invalid, noRead).status()).isEqualTo(403);
        }

        // masked where the role should not see it: the auditor's profile and history, the supervisor's base and roster
        List<String> maskedAnswers = new ArrayList<>();
        for (String id : ids) {
            Api.Response profile = api.get("/api/v1/practitioners/" + id, auditor);
            assertThat(profile.body().path("profile").path("idNumber").asText()).matches("150102\\*{8}\\d{3}[\\dX]");
            maskedAnswers.add(profile.raw());
            maskedAnswers.add(api.get("/api/v1/practitioners/" + id + "/history", auditor).raw());
            maskedAnswers.add(api.get(byNumber, auditor).raw());
        }
        Api.Response basePage = api.get("/api/v1/bases/" + baseId, supervisor);
        maskedAnswers.add(basePage.raw());
        maskedAnswers.add(api.get("/api/v1/bases/" + baseId + "/sessions/" + session + "/roster", supervisor).raw());
        maskedAnswers.add(api.get("/api/v1/bases/" + baseId + "/sessions/" + session + "/roster", baseKey).raw());
        maskedAnswers.add(roster.body());
        assertThat(basePage.raw()).contains("\"钟***\"", "\"司***\"", "\"欧***\"").doesNotContain(names[0], names[1], names[2]);
        assertThat(api.get("/api/v1/bases/" + baseId, auditor).raw()).as("auditors read names").contains(names[0]);

        // the whole number only where the role needs it
        assertThat(api.get("/api/v1/practitioners/" + ids.get(0), registrar).body().path("profile").path("idNumber")
                .asText()).isEqualTo(numbers.get(0));
        assertThat(api.get("/api/v1/practitioners/" + ids.get(0), ADMIN).body().path("profile").path("idNumber")
                .asText()).isEqualTo(numbers.get(0));

        // and whatever a library might log: the log's pattern masks any number of their shape
        org.slf4j.LoggerFactory.getLogger("org.celedger.probe").warn("a library's message naming {}", numbers.get(2));
        assertThat(output.getAll()).contains("a library's message naming <resident ID number>");
        List<String> everyNumber = new ArrayList<>(numbers);
        everyNumber.add(unknown);
        everyNumber.add(invalid);
        String stored = storedBytes();
        for (String number : everyNumber) {
            assertThat(stored).as("the data directory's bytes").doesNotContain(number, number.toLowerCase());
            assertThat(output.getAll()).as("the ledger's log").doesNotContain(number, number.toLowerCase());
            for (String answer : maskedAnswers) {
                assertThat(answer).as("an answer to a role that sees it masked").doesNotContain(number);
            }
        }
        for (String name : names) {
            assertThat(stored).as("names are sealed too").doesNotContain(utf8AsLatin1(name));
        }
        assertThat(Files.getPosixFilePermissions(DATA.resolve("personal-data.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // a number is registered once, and a new id may not be one
        Api.Response twice = api.post("/api/v1/practitioners", registrar,
                registration("pd-twice-" + run, "钟离嫣然", numbers.get(0), "1986-02-11", "FEMALE"));
        assertThat(twice.status()).as(twice.raw()).isEqualTo(409);
        assertThat(twice.field()).isEqualTo("idNumber");
        Api.Response asId = api.post("/api/v1/practitioners", registrar, registration(unknown, "无名氏", null,
                "1988-08-08", "FEMALE"));
        assertThat(asId.status()).isEqualTo(422);
        assertThat(asId.field()).isEqualTo("id");
        Api.Response mismatched = api.post("/api/v1/practitioners", registrar,
                registration("pd-x-" + run, "无名氏", unknown, "1988-08-09", "FEMALE"));
        assertThat(mismatched.field()).isEqualTo("idNumber");
        assertThat(mismatched.raw()).doesNotContain(unknown);
    }

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore events;

    @Test
    void aWriteCannotTellARegisteredNumberFromAnUnknownOne() throws Exception {
        // a practitioner whose id is a resident ID number, as a store written before held them
        String legacy = idNumber("19750102", 351);
        events.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Practitioner", legacy, 0,
                new org.celedger.domain.practitioner.PractitionerRegistered(legacy,
                        new org.celedger.domain.practitioner.PractitionerProfile("东方旭", org.celedger.domain.practitioner.Gender.MALE,
                                java.time.LocalDate.of(1975, 1, 2), org.celedger.domain.practitioner.Jurisdiction.IM, "呼和浩特市",
                                org.celedger.domain.practitioner.Sector.PUBLIC_INSTITUTION, false, "工程",
                                org.celedger.domain.practitioner.TitleLevel.INTERMEDIATE, java.time.LocalDate.of(2010, 12, 1),
                                org.celedger.domain.practitioner.Degree.BACHELOR))));
        String unknown = idNumber("19750102", 353);
        String integrator = key("在线学习平台", "\"INTEGRATOR\"");
        String auditor = key("职称评审办", "\"AUDITOR\"");
        String valid = "{\"awardId\":\"n-1\",\"year\":2026,\"category\":\"PUBLIC\",\"activity\":\"ONLINE_PLATFORM\","
                + "\"hours\":3,\"approvedBy\":\"平台\",\"completedOn\":\"2026-05-01\"}";
        String invalid = "{\"awardId\":\"n-1\",\"year\":2026,\"category\":\"PUBLIC\"}";
        List<String> answers = new ArrayList<>();
        for (String number : List.of(legacy, unknown)) {
            for (String body : List.of(valid, invalid)) {
                Api.Response r = api.post("/api/v1/practitioners/" + number + "/credits", integrator, body);
                answers.add(r.status() + " " + r.field() + " " + r.body().path("detail").asText());
                assertThat(r.raw()).doesNotContain(number);
            }
        }
        assertThat(answers).as("the same answer for a registered and an unknown number, valid body or not")
                .containsOnly(answers.get(0)).hasSize(4);
        assertThat(answers.get(0)).startsWith("422 practitionerId A practitioner id never is a resident ID number");
        // the practitioner of before is still read, and ADMIN still writes for them until they are re-keyed
        assertThat(api.get("/api/v1/practitioners/" + legacy, auditor).body().path("profile").path("name").asText())
                .isEqualTo("东方旭");
        assertThat(api.post("/api/v1/practitioners/" + legacy + "/credits", ADMIN, valid).status()).isEqualTo(201);
    }

    @Test
    void anErasureMakesNameNumberAndBirthDateUnreadableEverywhereAndKeepsTheDecisions() throws Exception {
        String auditor = key("职称评审办", "\"AUDITOR\"");
        String registrar = registrar("呼和浩特市");
        String id = "pd-erased-" + run;
        String name = "慕容晓雯";
        String number = idNumber("19900314", 226);
        assertThat(api.post("/api/v1/practitioners", registrar, registration(id, name, number, "1990-03-14", "FEMALE"))
                .status()).isEqualTo(201);
        String credits = "{\"items\":["
                + "{\"type\":\"credit\",\"practitionerId\":\"" + id + "\",\"awardId\":\"e-1\",\"year\":2026,\"category\":\"PUBLIC\","
                + "\"activity\":\"ONLINE_PLATFORM\",\"hours\":30,\"approvedBy\":\"内蒙古人社厅\",\"completedOn\":\"2026-06-01\"},"
                + "{\"type\":\"credit\",\"practitionerId\":\"" + id + "\",\"awardId\":\"e-2\",\"year\":2026,\"category\":\"PROFESSIONAL\","
                + "\"activity\":\"ONLINE_PLATFORM\",\"hours\":60,\"approvedBy\":\"内蒙古人社厅\",\"completedOn\":\"2026-06-02\"}]}";
        assertThat(api.post("/api/v1/batches", ADMIN, credits).body().path("accepted").asInt()).isEqualTo(2);
        String decision = "/api/v1/practitioners/" + id + "/eligibility?purpose=ASSESSMENT_RECOGNITION"
                + "&level=BACHELOR_TO_ASSISTANT&year=2026&asOf=2026-11-20";
        JsonNode before = api.get(decision, auditor).body();
        JsonNode yearsBefore = api.get("/api/v1/practitioners/" + id + "/years", auditor).body();
        assertThat(before.path("outcome").asText()).isEqualTo("MET");
        // a man of 57: his age relief (IM-2025 一(五)1) counts from the birth month kept after the erasure
        String older = "pd-older-" + run;
        assertThat(api.post("/api/v1/practitioners", registrar, registration(older, "上官明远", idNumber("19690421", 317),
                "1969-04-21", "MALE")).status()).isEqualTo(201);
        String olderDecision = "/api/v1/practitioners/" + older + "/eligibility?purpose=TITLE_EVALUATION"
                + "&level=ASSOCIATE_SENIOR&year=2026&asOf=2026-11-20";
        JsonNode olderBefore = api.get(olderDecision, auditor).body();
        assertThat(olderBefore.path("outcome").asText()).isEqualTo("NOT_LIMITING");
        assertThat(olderBefore.path("reliefs").get(0).path("detail").asText())
                .startsWith("MALE born 1969-04-21, aged 57 at the as-of date (≥ 55");

        Api.Response refused = api.post("/api/v1/practitioners/" + id + "/erasures", registrar,
                "{\"erasureId\":\"er-1\",\"reason\":\"本人申请删除\",\"legalBasis\":\"PIPL art. 47\"}");
        assertThat(refused.status()).as("ADMIN only").isEqualTo(403);
        Api.Response erased = api.post("/api/v1/practitioners/" + id + "/erasures", ADMIN,
                "{\"erasureId\":\"er-1\",\"reason\":\"本人申请删除\",\"legalBasis\":\"PIPL art. 47\"}");
        assertThat(erased.status()).as(erased.raw()).isEqualTo(201);
        assertThat(erased.body().path("type").asText()).isEqualTo("erasure");
        assertThat(api.post("/api/v1/practitioners/" + id + "/erasures", ADMIN,
                "{\"erasureId\":\"er-1\",\"reason\":\"本人申请删除\",\"legalBasis\":\"PIPL art. 47\"}").status())
                .as("a retry doubles nothing").isEqualTo(200);

        // unreadable everywhere: the profile, the history, the person's copy, the lookups, the key and the index
        JsonNode profile = api.get("/api/v1/practitioners/" + id, ADMIN).body().path("profile");
        assertThat(profile.path("name").isNull()).isTrue();
        assertThat(profile.path("idNumber").isNull()).isTrue();
        assertThat(profile.path("birthDate").isNull()).isTrue();
        assertThat(profile.path("birthYearMonth").asText()).isEqualTo("1990-03");
        assertThat(profile.path("gender").asText()).isEqualTo("FEMALE");
        String history = api.get("/api/v1/practitioners/" + id + "/history", ADMIN).raw();
        String export = api.get("/api/v1/practitioners/" + id + "/personal-data-export", ADMIN).raw();
        for (String answer : List.of(history, export)) {
            assertThat(answer).doesNotContain(name, number, "1990-03-14").contains("PersonalDataErased", "PIPL art. 47");
        }
        assertThat(api.get("/api/v1/practitioners?idNumber=" + number, ADMIN).body().path("items")).isEmpty();
        assertThat(api.get("/api/v1/practitioners?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8),
                ADMIN).body().path("items")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE practitioner_id = ?", Long.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM id_number_index WHERE practitioner_id = ?", Long.class, id))
                .isZero();
        String stored = storedBytes();
        assertThat(stored).doesNotContain(number, utf8AsLatin1(name), "1990-03-14");

        // the hours and the decision are those of before, on the facts up to the erasure (sequence 3)
        ((com.fasterxml.jackson.databind.node.ObjectNode) before).put("upToSequence", 3);
        assertThat(api.get(decision, auditor).body()).isEqualTo(before);
        assertThat(api.post("/api/v1/practitioners/" + older + "/erasures", ADMIN,
                "{\"erasureId\":\"er-2\",\"reason\":\"本人申请删除\",\"legalBasis\":\"PIPL art. 47\"}").status())
                .isEqualTo(201);
        JsonNode olderAfter = api.get(olderDecision, auditor).body();
        assertThat(olderAfter.path("outcome").asText()).isEqualTo("NOT_LIMITING");
        assertThat(olderAfter.path("reliefs").get(0).path("detail").asText()).startsWith("MALE born 1969-04 (the day"
                + " erased: counted from the month's last day, RULES.md §6.1), aged 57 at the as-of date (≥ 55");
        ((com.fasterxml.jackson.databind.node.ObjectNode) olderBefore.path("reliefs").get(0)).remove("detail");
        ((com.fasterxml.jackson.databind.node.ObjectNode) olderBefore.path("reliefs").get(1)).remove("detail");
        ((com.fasterxml.jackson.databind.node.ObjectNode) olderAfter.path("reliefs").get(0)).remove("detail");
        ((com.fasterxml.jackson.databind.node.ObjectNode) olderAfter.path("reliefs").get(1)).remove("detail");
        ((com.fasterxml.jackson.databind.node.ObjectNode) olderBefore).put("upToSequence", 1);
        assertThat(olderAfter).as("all but the account of the birth date").isEqualTo(olderBefore);
        assertThat(api.get("/api/v1/practitioners/" + id + "/years", auditor).body()).isEqualTo(yearsBefore);
        // personal data is not recorded again; the rest of the profile still can be
        Api.Response again = api.post("/api/v1/practitioners/" + id + "/profile-corrections", registrar,
                "{\"correctionId\":\"c-1\",\"changes\":{\"name\":\"" + name + "\"},\"reason\":\"补录\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.post("/api/v1/practitioners/" + id + "/profile-corrections", registrar,
                "{\"correctionId\":\"c-2\",\"changes\":{\"grassroots\":true},\"reason\":\"调入基层\"}").status())
                .isEqualTo(201);
    }
}
