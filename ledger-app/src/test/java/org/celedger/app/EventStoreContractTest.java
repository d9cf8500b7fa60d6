package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.app.Api.credit;
import static org.celedger.app.Api.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.celedger.projections.rebuild.StreamEnds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.FilterChainProxy;

/**
 * What the event store must guarantee, end to end over HTTP: every kind of fact is recorded and read
 * back in order, retries double nothing, concurrent writers lose nothing and leave no gap, a batch
 * answers each item, and bad input changes nothing. Run against H2 and against a real PostgreSQL.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "LEDGER_ADMIN_KEY=" + EventStoreContractTest.ADMIN)
abstract class EventStoreContractTest {

    static final String ADMIN = "test-admin-key-0001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    /** Ids unique to this run, so the suite also runs against a PostgreSQL that kept an earlier run's facts. */
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    String id(String name) {
        return name + "-" + run;
    }

    long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    JsonNode history(String practitionerId) {
        Api.Response r = api.get("/api/v1/practitioners/" + practitionerId + "/history", ADMIN);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    void register(String practitionerId) {
        assertThat(api.post("/api/v1/practitioners", ADMIN, registration(practitionerId)).status()).isEqualTo(201);
    }

    @Test
    void recordsEveryKindOfFactAndReadsTheHistoryBackInOrder() {
        String p = id("p");
        String path = "/api/v1/practitioners/" + p;
        List<String[]> writes = List.of(
                new String[]{"/api/v1/practitioners", registration(p)},
                new String[]{path + "/profile-corrections",
                        "{\"correctionId\":\"c1\",\"changes\":{\"birthDate\":\"1970-05-17\"},\"reason\":\"身份证号录入错误\"}"},
                new String[]{path + "/credits", credit("s-1/" + p, "32")},
                new String[]{path + "/credits", "{\"awardId\":\"m1\",\"year\":2025,\"category\":\"PUBLIC\","
                        + "\"activity\":\"ONLINE_PLATFORM\",\"minutes\":1350,\"approvedBy\":\"平台\",\"completedOn\":\"2025-04-01\"}"},
                new String[]{path + "/credits/s-1%2F" + p + "/reassignments", "{\"targetYear\":2024,\"reason\":\"补学\"}"},
                new String[]{path + "/credits/m1/revocations", "{\"reason\":\"重复登记\"}"},
                new String[]{path + "/conversions", "{\"conversionId\":\"q1\",\"kind\":\"QUALIFICATION_EXAM_PASSED\","
                        + "\"date\":\"2024-10-20\",\"inRegion\":true,\"evidence\":\"证书\"}"},
                new String[]{path + "/conversions", "{\"conversionId\":\"l1\",\"kind\":\"TITLE_LANGUAGE_EXAM_PASSED\",\"date\":\"2021-06-01\"}"},
                new String[]{path + "/conversions", "{\"conversionId\":\"k1\",\"kind\":\"COMPUTER_EXAM_PASSED\",\"date\":\"2021-06-01\",\"quantity\":2}"},
                new String[]{path + "/conversions", "{\"conversionId\":\"t1\",\"kind\":\"LECTURING_DELIVERED\",\"date\":\"2024-03-01\",\"quantity\":12.5}"},
                new String[]{path + "/conversions", "{\"conversionId\":\"s1\",\"kind\":\"STUDY_TOUR_COMPLETED\",\"date\":\"2024-08-01\",\"quantity\":2.5}"},
                new String[]{path + "/conversions", "{\"conversionId\":\"d1\",\"kind\":\"DEGREE_COMPLETED\",\"date\":\"2024-07-01\","
                        + "\"enrolledOn\":\"2021-09-01\",\"graduatedOn\":\"2024-06-30\",\"degree\":\"MASTER\",\"certifiedHours\":120}"},
                new String[]{path + "/conversions/l1/revocations", "{\"reason\":\"证书无效\"}"},
                new String[]{path + "/exemptions", "{\"exemptionId\":\"e1\",\"kind\":\"COVID_FRONTLINE\",\"years\":[2022],"
                        + "\"evidence\":\"表彰文件\",\"grantedBy\":\"卫健委\"}"},
                new String[]{path + "/exemptions/e1/revocations", "{\"reason\":\"误报\"}"},
                new String[]{path + "/transfers", "{\"transferId\":\"tr1\",\"kind\":\"BETWEEN_REGIONS\",\"effectiveDate\":\"2025-01-01\","
                        + "\"toJurisdiction\":\"NX\",\"toRegion\":\"银川市\"}"});
        for (String[] w : writes) {
            Api.Response r = api.post(w[0], ADMIN, w[1]);
            assertThat(r.status()).as(w[0] + " " + r.raw()).isEqualTo(201);
            assertThat(r.body().path("status").asText()).isEqualTo("ACCEPTED");
        }
        long stored = storedEvents();
        for (String[] w : writes) {
            Api.Response retry = api.post(w[0], ADMIN, w[1]);
            assertThat(retry.status()).as("retry of " + w[0] + " " + retry.raw()).isEqualTo(200);
            assertThat(retry.body().path("status").asText()).isEqualTo("DUPLICATE");
        }
        assertThat(storedEvents()).as("retries store nothing").isEqualTo(stored);

        JsonNode history = history(p);
        assertThat(history).hasSize(writes.size());
        List<String> types = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("sequence").asLong()).isEqualTo(i);
            assertThat(history.get(i).path("recordedAt").asText()).endsWith("Z");
            types.add(history.get(i).path("type").asText());
        }
        assertThat(types).containsExactly("PractitionerRegistered", "PractitionerProfileCorrected", "CreditAwarded",
                "CreditAwarded", "CreditReassigned", "CreditRevoked", "QualificationExamPassed",
                "TitleLanguageExamPassed", "ComputerExamPassed", "LecturingDelivered", "StudyTourCompleted",
                "DegreeCompleted", "ConversionRevoked", "ExemptionGranted", "ExemptionRevoked",
                "PractitionerTransferred");
        assertThat(history.get(1).path("payload").path("previous").path("birthDate").asText()).isEqualTo("1980-05-17");
        assertThat(history.get(2).path("payload").path("awardId").asText()).isEqualTo("s-1/" + p);
        assertThat(history.get(3).path("payload").path("minutes").asInt()).isEqualTo(1350);
        assertThat(history.get(10).path("payload").path("days").decimalValue()).isEqualByComparingTo("2.5");

        JsonNode profile = api.get(path, ADMIN).body();
        assertThat(profile.path("profile").path("birthDate").asText()).isEqualTo("1970-05-17");
        assertThat(profile.path("profile").path("jurisdiction").asText()).isEqualTo("NX");
        assertThat(profile.path("lastSequence").asLong()).isEqualTo(writes.size() - 1);
    }

    /**
     * Write, then read at once, with the exact decision every time (the views catch up in the background,
     * so many of these reads find the view behind): credits make the window MET, a revocation makes it
     * NOT_MET, a make-up credit MET again; batch items too. Forty practitioners written by eight clients.
     */
    @Test
    void everyDecisionReadRightAfterAWriteReflectsItExactly() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                String p = id("rw" + n);
                done.add(clients.submit(() -> writeThenReadAtOnce(p)));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private void writeThenReadAtOnce(String p) {
        Api.Response registered = api.post("/api/v1/practitioners", ADMIN,
                registration(p).replace("\"FEMALE\"", "\"MALE\"").replace("1980-05-17", "1985-06-01"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        StringBuilder items = new StringBuilder();
        for (int year = 2024; year <= 2026; year++) {
            for (String category : List.of("PUBLIC", "PROFESSIONAL")) {
                items.append(items.isEmpty() ? "" : ",").append("{\"type\":\"credit\",\"practitionerId\":\"").append(p)
                        .append("\",").append(award(category.substring(0, 3).toLowerCase() + "-" + year, year, category,
                                category.equals("PUBLIC") ? 30 : 60).substring(1));
            }
        }
        Api.Response batch = api.post("/api/v1/batches", ADMIN, "{\"items\":[" + items + "]}");
        assertThat(batch.body().path("accepted").asInt()).as(batch.raw()).isEqualTo(6);
        JsonNode lastItem = batch.body().path("results").get(5);
        assertThat(lastItem.path("sequence").asLong()).isEqualTo(6);
        assertThat(lastItem.path("factId").asText()).isEqualTo("pro-2026");
        assertDecisionAtOnce(p, lastItem, "MET");

        Api.Response revoked = api.post("/api/v1/practitioners/" + p + "/credits/pro-2025/revocations", ADMIN,
                "{\"reason\":\"证书作废\"}");
        assertThat(revoked.status()).isEqualTo(201);
        assertThat(revoked.body().path("sequence").asLong()).isEqualTo(7);
        assertDecisionAtOnce(p, revoked.body(), "NOT_MET");

        Api.Response madeUp = api.post("/api/v1/practitioners/" + p + "/credits", ADMIN,
                award("pro-2025b", 2025, "PROFESSIONAL", 60));
        assertThat(madeUp.status()).isEqualTo(201);
        assertDecisionAtOnce(p, madeUp.body(), "MET");
        Api.Response years = api.get("/api/v1/practitioners/" + p + "/years", ADMIN);
        assertThat(years.header("Ledger-Sequence")).isEqualTo(8);
        assertThat(years.body().get(1).path("professional").decimalValue()).isEqualByComparingTo("60");
    }

    private void assertDecisionAtOnce(String p, JsonNode write, String outcome) {
        Api.Response r = api.get("/api/v1/practitioners/" + p + "/eligibility?purpose=TITLE_EVALUATION"
                + "&level=INTERMEDIATE&year=2026", ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().path("upToSequence").asLong()).as(p).isEqualTo(write.path("sequence").asLong());
        assertThat(r.header("Ledger-Position")).as(p).isEqualTo(write.path("position").asLong());
        assertThat(r.body().path("outcome").asText()).as(p + " after sequence " + write.path("sequence")).isEqualTo(outcome);
    }

    private static String award(String awardId, int year, String category, int hours) {
        return "{\"awardId\":\"" + awardId + "\",\"year\":" + year + ",\"category\":\"" + category
                + "\",\"activity\":\"ONLINE_PLATFORM\",\"hours\":" + hours + ",\"approvedBy\":\"平台\","
                + "\"completedOn\":\"" + year + "-03-10\"}";
    }

    /** A practitioner, a base and a sample may carry the same id string (each kind of aggregate has its own streams). */
    @Test
    void aPractitionerABaseAndASampleMayShareAnIdWithoutTouchingOneAnother() {
        String shared = id("shared");
        register(shared);
        Api.Response base = api.post("/api/v1/bases", ADMIN, "{\"baseId\":\"" + shared + "\",\"name\":\"同名基地\","
                + "\"level\":\"REGIONAL\",\"jurisdiction\":\"IM\",\"region\":\"包头市\"}");
        assertThat(base.status()).as(base.raw()).isEqualTo(201);
        Api.Response plan = api.post("/api/v1/bases/" + shared + "/sessions", ADMIN, "{\"sessionId\":\"s1\","
                + "\"title\":\"培训\",\"category\":\"PROFESSIONAL\",\"mode\":\"ONLINE\",\"startDate\":\"2026-11-09\","
                + "\"endDate\":\"2026-11-10\",\"location\":\"线上\",\"capacity\":40}");
        assertThat(plan.status()).as(plan.raw()).isEqualTo(201);
        assertThat(history(shared)).hasSize(1);
        assertThat(history(shared).get(0).path("type").asText()).isEqualTo("PractitionerRegistered");
        assertThat(api.post("/api/v1/practitioners/" + shared + "/credits", ADMIN, credit("a-shared", "8")).status())
                .isEqualTo(201);

        Api.Response sample = api.post("/api/v1/inspection-samples", ADMIN,
                "{\"year\":2026,\"size\":1,\"seed\":\"" + run + "\"}");
        assertThat(sample.status()).as(sample.raw()).isEqualTo(201);
        String sampleId = sample.body().path("sample").path("sampleId").asText();
        assertThat(sampleId).isNotBlank();
        register(sampleId);
        assertThat(history(sampleId)).hasSize(1);
        assertThat(api.post("/api/v1/inspection-samples", ADMIN, "{\"year\":2026,\"size\":1,\"seed\":\"" + run + "\"}")
                .status()).as("the same sample again is a retry, untouched by the practitioner").isEqualTo(200);
    }

    /** A store written when a base's events were stored under its plain id is moved to the base's stream at start. */
    @Test
    void aBaseStoredUnderItsPlainIdIsMovedToItsOwnStreamAndStillReads(
            @Autowired org.celedger.app.axon.AggregateConfiguration.AggregateCaches caches) {
        String baseId = id("old-base");
        assertThat(api.post("/api/v1/bases", ADMIN, "{\"baseId\":\"" + baseId + "\",\"name\":\"旧基地\","
                + "\"level\":\"REGIONAL\",\"jurisdiction\":\"IM\",\"region\":\"包头市\"}").status()).isEqualTo(201);
        // as the store was before: the base's events under its plain id
        assertThat(jdbc.update("UPDATE DomainEventEntry SET aggregateIdentifier = ? WHERE aggregateIdentifier = ?",
                baseId, "base/" + baseId)).isEqualTo(1);
        caches.evict("base/" + baseId);

        org.celedger.app.axon.SeparateStreams.run(jdbc);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, "base/" + baseId)).isEqualTo(1);
        Api.Response plan = api.post("/api/v1/bases/" + baseId + "/sessions", ADMIN, "{\"sessionId\":\"s1\","
                + "\"title\":\"培训\",\"category\":\"PROFESSIONAL\",\"mode\":\"ONLINE\",\"startDate\":\"2026-11-09\","
                + "\"endDate\":\"2026-11-10\",\"location\":\"线上\",\"capacity\":40}");
        assertThat(plan.status()).as(plan.raw()).isEqualTo(201);
        assertThat(plan.body().path("sequence").asLong()).as("the registration, then the plan").isEqualTo(1);
    }

    @Test
    void theSameIdWithOtherContentIsAConflictAndChangesNothing() {
        String p = id("conflict");
        register(p);
        assertThat(api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, credit("a1", "32")).status()).isEqualTo(201);
        long stored = storedEvents();
        Api.Response conflict = api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, credit("a1", "40"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.field()).isEqualTo("awardId");
        Api.Response otherProfile = api.post("/api/v1/practitioners", ADMIN,
                registration(p).replace("王芳", "李明"));
        assertThat(otherProfile.status()).isEqualTo(409);
        assertThat(otherProfile.field()).isEqualTo("id");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void eightConcurrentWritersToOnePractitionerLoseNothingAndLeaveNoGap() throws Exception {
        String p = id("busy");
        register(p);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String award = "t" + thread + "-" + i;
                    Api.Response r = api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, credit(award, "1.5"));
                    if (r.status() != 201) {
                        failures.add(award + ": " + r.status() + " " + r.raw());
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();

        JsonNode history = history(p);
        assertThat(history).hasSize(1 + threads * perThread);
        Set<String> awards = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("sequence").asLong()).as("no gap, no duplicate").isEqualTo(i);
            if (i > 0) {
                awards.add(history.get(i).path("payload").path("awardId").asText());
            }
        }
        assertThat(awards).hasSize(threads * perThread);
    }

    @Test
    void aBatchOfAThousandAnswersEachItemInOrderAndStoresEveryValidOne() {
        String p = id("batch");
        register(p);
        api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, credit("already", "8"));
        StringBuilder items = new StringBuilder();
        List<String> expected = new ArrayList<>();
        Set<String> validAwards = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String item;
            String status;
            if (i % 97 == 13) {
                item = "{\"type\":\"credit\",\"practitionerId\":\"" + p + "\"," + credit("b" + i, "-3").substring(1);
                status = "INVALID";
            } else if (i % 101 == 7) {
                item = "{\"type\":\"credit\",\"practitionerId\":\"" + p + "\"," + credit("already", "8").substring(1);
                status = "DUPLICATE";
            } else if (i % 103 == 5) {
                item = "{\"type\":\"credit\",\"practitionerId\":\"" + p + "\"," + credit("already", "9").substring(1);
                status = "CONFLICT";
            } else if (i % 211 == 3) {
                item = "{\"type\":\"credit\",\"practitionerId\":\"" + id("nobody") + "\"," + credit("b" + i, "2").substring(1);
                status = "NOT_FOUND";
            } else if (i == 500) {
                item = "{\"type\":\"credit\",\"practitionerId\":\"" + p + "\",\"awardId\":\"b500\",\"year\":\"soon\"}";
                status = "INVALID";
            } else {
                item = "{\"type\":\"credit\",\"practitionerId\":\"" + p + "\"," + credit("b" + i, "2").substring(1);
                status = "ACCEPTED";
                validAwards.add("b" + i);
            }
            items.append(i == 0 ? "" : ",").append(item);
            expected.add(status);
        }
        Api.Response r = api.post("/api/v1/batches", ADMIN, "{\"items\":[" + items + "]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode results = r.body().path("results");
        assertThat(results).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
            assertThat(results.get(i).path("status").asText()).as("item " + i).isEqualTo(expected.get(i));
            if (!expected.get(i).equals("ACCEPTED") && !expected.get(i).equals("DUPLICATE")) {
                assertThat(results.get(i).path("problem").path("field").asText()).isNotEmpty();
            }
        }
        assertThat(results.get(500).path("problem").path("field").asText()).isEqualTo("year");
        Set<String> stored = new HashSet<>();
        history(p).forEach(e -> stored.add(e.path("payload").path("awardId").asText()));
        assertThat(stored).containsAll(validAwards);
        assertThat(history(p)).hasSize(2 + validAwards.size());

        Api.Response again = api.post("/api/v1/batches", ADMIN, "{\"items\":[" + items + "]}");
        assertThat(again.body().path("accepted").asInt()).as("a retried batch doubles nothing").isZero();
        assertThat(history(p)).hasSize(2 + validAwards.size());
    }

    static Stream<Arguments> badInput() {
        String credit = credit("bad-1", "4").replace("\n", "");
        return Stream.of(
                Arguments.of("unreadable JSON", "/credits", "{\"awardId\": ", 400, null),
                Arguments.of("wrong type", "/credits", credit.replace("\"year\":2025", "\"year\":\"2025x\""), 422, "year"),
                Arguments.of("fractional year", "/credits", credit.replace("\"year\":2025", "\"year\":2025.5"), 422, "year"),
                Arguments.of("unknown enum value", "/credits", credit.replace("BASE_TRAINING", "YOGA"), 422, "activity"),
                Arguments.of("unknown field", "/credits", credit.replace("\"hours\"", "\"hour\""), 422, "hour"),
                Arguments.of("missing field", "/credits", credit.replace("\"approvedBy\":\"内蒙古人社厅\",", ""), 422, "approvedBy"),
                Arguments.of("negative hours", "/credits", credit.replace("\"hours\":4", "\"hours\":-4"), 422, "hours"),
                Arguments.of("absurd hours", "/credits", credit.replace("\"hours\":4", "\"hours\":99999"), 422, "hours"),
                Arguments.of("hours and minutes", "/credits", credit.replace("\"hours\":4", "\"hours\":4,\"minutes\":90"), 422, "minutes"),
                Arguments.of("date not a date", "/credits", credit.replace("2025-03-10", "2025-13-45"), 422, "completedOn"),
                Arguments.of("unknown award revoked", "/credits/nope/revocations", "{\"reason\":\"x\"}", 404, "awardId"),
                Arguments.of("unknown conversion kind", "/conversions",
                        "{\"conversionId\":\"x\",\"kind\":\"MOON_LANDING\",\"date\":\"2024-01-01\"}", 422, "kind"),
                Arguments.of("profile change of an unknown field", "/profile-corrections",
                        "{\"correctionId\":\"c\",\"changes\":{\"shoeSize\":42},\"reason\":\"x\"}", 422, "changes.shoeSize"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAnsweredWithAProblemNamingTheFieldAndChangesNothing(String description, String path, String body,
                                                                       int status, String field) {
        String p = id("strict");
        if (api.get("/api/v1/practitioners/" + p, ADMIN).status() == 404) {
            register(p);
        }
        long stored = storedEvents();
        Api.Response r = api.post("/api/v1/practitioners/" + p + path, ADMIN, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("title").asText()).isNotBlank();
        assertThat(r.body().path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(r.field()).isEqualTo(field);
        }
        assertThat(storedEvents()).as("nothing stored from a rejected request").isEqualTo(stored);
    }

    @Test
    void anUnknownPractitionerIsNotFound() {
        long stored = storedEvents();
        Api.Response r = api.post("/api/v1/practitioners/" + id("ghost") + "/credits", ADMIN, credit("a", "4"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.field()).isEqualTo("practitionerId");
        assertThat(api.get("/api/v1/practitioners/" + id("ghost") + "/history", ADMIN).status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void keysCarryRolesAndBases() {
        String p = id("access");
        register(p);
        String integrator = api.post("/api/v1/api-keys", ADMIN,
                "{\"name\":\"base-1 platform\",\"roles\":[\"INTEGRATOR\"],\"baseIds\":[\"base-1\"]}").body().path("key").asText();
        String auditor = api.post("/api/v1/api-keys", ADMIN,
                "{\"name\":\"audit office\",\"roles\":[\"AUDITOR\"]}").body().path("key").asText();
        assertThat(integrator).startsWith("cel_");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ?", Long.class, integrator))
                .as("keys are stored hashed, never in the clear").isZero();

        // the base and session the credits name: a base's key credits only its own filed sessions
        assertThat(api.post("/api/v1/bases", ADMIN, "{\"baseId\":\"base-1\",\"name\":\"基地一\",\"level\":\"REGIONAL\","
                + "\"jurisdiction\":\"IM\",\"region\":\"包头市\"}").status()).isIn(200, 201);
        assertThat(api.post("/api/v1/bases/base-1/sessions", ADMIN, "{\"sessionId\":\"s-1\",\"title\":\"培训\","
                + "\"category\":\"PROFESSIONAL\",\"mode\":\"ONLINE\",\"startDate\":\"2025-03-01\",\"endDate\":\"2025-03-10\","
                + "\"location\":\"线上\",\"capacity\":40}").status()).isIn(200, 201);
        String path = "/api/v1/practitioners/" + p + "/credits";
        long stored = storedEvents();
        assertThat(api.post(path, null, credit("k1", "4")).status()).as("no key").isEqualTo(401);
        assertThat(api.post(path, "cel_wrong", credit("k1", "4")).status()).as("unknown key").isEqualTo(401);
        assertThat(api.post(path, auditor, credit("k1", "4")).status()).as("auditor writes").isEqualTo(403);
        Api.Response otherBase = api.post(path, integrator, credit("k1", "4").replace("base-1", "base-2"));
        assertThat(otherBase.status()).as("another base").isEqualTo(403);
        assertThat(otherBase.field()).isEqualTo("baseId");
        assertThat(api.post("/api/v1/api-keys", integrator, "{\"name\":\"x\",\"roles\":[\"ADMIN\"]}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/practitioners/" + p + "/history", integrator).status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(stored);

        String platform = api.post("/api/v1/api-keys", ADMIN,
                "{\"name\":\"online platform\",\"roles\":[\"INTEGRATOR\"]}").body().path("key").asText();
        stored = storedEvents(); // making a key is a recorded fact (ApiKeyIssued)
        Api.Response namingABase = api.post(path, platform, credit("k2", "4"));
        assertThat(namingABase.status()).as("a key naming no base writes no base's credit").isEqualTo(403);
        assertThat(namingABase.field()).isEqualTo("baseId");
        Api.Response rosterId = api.post(path, integrator, credit("s-2/" + p, "4"));
        assertThat(rosterId.status()).as("a roster's award id of another session").isEqualTo(422);
        assertThat(rosterId.field()).isEqualTo("awardId");
        Api.Response noBase = api.post(path, platform, credit("s-1/" + p, "4")
                .replace("\"baseId\":\"base-1\",\"sessionId\":\"s-1\",", ""));
        assertThat(noBase.status()).as("a roster's award id without its roster's base and session").isEqualTo(422);
        assertThat(api.post(path, platform, credit("s-1/" + p, "4")).status())
                .as("a roster's award id, by a key not of the roster's base").isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(stored);

        assertThat(api.post(path, platform, credit("k3", "4").replace("\"baseId\":\"base-1\",\"sessionId\":\"s-1\",", ""))
                .status()).as("a platform's credit naming no base").isEqualTo(201);
        assertThat(api.post(path, integrator, credit("k1", "4")).status()).as("own base").isEqualTo(201);
        assertThat(api.post(path, ADMIN, credit("k4", "4").replace("base-1", "base-2")).status()).isEqualTo(201);

        // revocations: an integrator's own base's credits or its own records; a supervisor's any
        String revoke = "{\"reason\":\"撤销\"}";
        Api.Response foreign = api.post(path + "/k3/revocations", integrator, revoke);
        assertThat(foreign.status()).as("another key's credit naming no base").isEqualTo(403);
        assertThat(foreign.field()).isEqualTo("awardId");
        assertThat(api.post(path + "/k4/revocations", integrator, revoke).status()).as("another base's").isEqualTo(403);
        assertThat(api.post(path + "/k3/reassignments", integrator, "{\"targetYear\":2024,\"reason\":\"补学\"}").status())
                .isEqualTo(403);
        assertThat(api.post(path + "/k1/revocations", integrator, revoke).status()).as("its own base's").isEqualTo(201);
        assertThat(api.post(path + "/k3/revocations", platform, revoke).status()).as("its own record").isEqualTo(201);
        String supervisor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"盟市人社局\",\"roles\":[\"SUPERVISOR\"]}")
                .body().path("key").asText();
        assertThat(api.post(path + "/k4/revocations", supervisor, revoke).status()).as("a supervisor's").isEqualTo(201);
        assertThat(api.post(path, supervisor, credit("k5", "4")).status()).as("supervisors award nothing").isEqualTo(403);
        assertThat(api.get("/api/v1/practitioners/" + p + "/history", auditor).status()).isEqualTo(200);
        // Health needs no key. Its overall status includes readiness, which is OUT_OF_SERVICE (503) until the
        // projections have first caught up after start: this test may run while they still project the batch
        // of the test before, so only liveness has to be UP here.
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).as("health without a key: %s", health.body()).isIn(200, 503);
        assertThat(health.body().path("status").asText()).isIn("UP", "OUT_OF_SERVICE");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", auditor).status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", ADMIN).status()).isEqualTo(200);
    }

    /** Where each stream ends up to a position, as a rebuild asks (StreamEnds), on this store. */
    @Test
    void aRebuildFindsWhereEachStreamEndsUpToItsHead(@Autowired StreamEnds ends) {
        String a = id("ends-a");
        String b = id("ends-b");
        long aRegistered = position(api.post("/api/v1/practitioners", ADMIN, registration(a)));
        long bRegistered = position(api.post("/api/v1/practitioners", ADMIN, registration(b)));
        long aCredited = position(api.post("/api/v1/practitioners/" + a + "/credits", ADMIN, credit("e-1", "32")));
        long bCredited = position(api.post("/api/v1/practitioners/" + b + "/credits", ADMIN, credit("e-1", "32")));

        assertThat(ends.lastPositions(List.of(a, b, id("nobody")), bCredited))
                .isEqualTo(Map.of(a, aCredited, b, bCredited));
        assertThat(ends.lastPositions(List.of(a, b), aCredited)).isEqualTo(Map.of(a, aCredited, b, bRegistered));
        assertThat(ends.lastPositions(List.of(a, b), bRegistered)).isEqualTo(Map.of(a, aRegistered, b, bRegistered));
        assertThat(ends.lastPositions(List.of(a, b), aRegistered)).isEqualTo(Map.of(a, aRegistered));
    }

    private static long position(Api.Response written) {
        assertThat(written.status()).as(written.raw()).isEqualTo(201);
        return written.body().path("position").asLong();
    }

    @Test
    void securityIsThePlainFilterChainWithoutObservationsOfItsOwn(@Autowired ApplicationContext context) {
        // SecurityConfiguration drops Spring MVC's per-request handler lookup and the security observations
        // (the benchmark's profile); the access rules above still apply, and HTTP metrics stay.
        assertThat(context.getBean("springSecurityFilterChain")).isExactlyInstanceOf(FilterChainProxy.class);
        assertThat(api.get("/api/v1/practitioners/" + id("nobody") + "/history", null).status()).isEqualTo(401);
        String metrics = api.get("/actuator/prometheus", ADMIN).raw();
        assertThat(metrics).contains("http_server_requests_seconds_count{").doesNotContain("spring_security_");
    }

    @Test
    void theOpenApiDocumentDescribesTheWrites() {
        Api.Response r = api.get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        Set<String> paths = new HashSet<>();
        r.body().path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/v1/practitioners", "/api/v1/practitioners/{id}/credits",
                "/api/v1/practitioners/{id}/credits/{awardId}/revocations", "/api/v1/batches",
                "/api/v1/practitioners/{id}/history", "/api/v1/api-keys", "/api/v1/practitioners/{id}/years",
                "/api/v1/practitioners/{id}/eligibility", "/api/v1/practitioners/{id}/certifications",
                "/api/v1/rule-sets", "/api/v1/rule-sets/{id}", "/api/v1/what-if", "/api/v1/bases",
                "/api/v1/bases/{baseId}", "/api/v1/bases/{baseId}/sessions",
                "/api/v1/bases/{baseId}/sessions/{sessionId}/roster", "/api/v1/inspection-samples",
                "/api/v1/bases/{baseId}/sessions/{sessionId}/inspections", "/api/v1/admin/rebuilds");
        assertThat(r.body().path("info").path("title").asText()).isEqualTo("ce-ledger");
    }

}
