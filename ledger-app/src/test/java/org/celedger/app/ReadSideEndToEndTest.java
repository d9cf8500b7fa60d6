package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSets;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.rebuild.ProjectionRebuild;
import org.celedger.projections.rebuild.RebuildStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read side end to end over HTTP on the embedded default: facts posted, the tracking projection
 * catching up, and totals, decisions, certifications, rebuilds and what-if read back, always equal
 * to what the rule engine computes from the same facts.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + ReadSideEndToEndTest.ADMIN, "ledger.evaluation-year=2026"})
class ReadSideEndToEndTest {

    static final String ADMIN = "read-side-admin-key";

    /** The operator's rule-set directory: empty at start, so the bundled rule sets apply. */
    static final Path RULE_SETS = Path.of("target/test-data/rule-sets-" + UUID.randomUUID());

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(RULE_SETS);
        registry.add("ledger.data-dir", () -> "target/test-data/read-" + UUID.randomUUID());
        registry.add("ledger.rule-sets.dir", RULE_SETS::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    ObjectMapper json;
    @Autowired
    PractitionerViewStore views;
    @Autowired
    ProjectionRebuild rebuild;

    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    // ------------------------------------------------------------------ helpers

    String register(String name, String gender, String birthDate) {
        String id = name + "-" + run;
        String body = Api.registration(id).replace("\"FEMALE\"", "\"" + gender + "\"").replace("1980-05-17", birthDate);
        assertThat(api.post("/api/v1/practitioners", ADMIN, body).status()).isEqualTo(201);
        return id;
    }

    void award(String p, String awardId, int year, String category, String hours) {
        String body = "{\"awardId\":\"" + awardId + "\",\"year\":" + year + ",\"category\":\"" + category
                + "\",\"activity\":\"ONLINE_PLATFORM\",\"hours\":" + hours + ",\"approvedBy\":\"平台\",\"completedOn\":\""
                + year + "-03-10\"}";
        Api.Response r = api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    /** A year meeting the IM yearly minimums (30 PUBLIC, 60 PROFESSIONAL). */
    void fullYear(String p, int year) {
        award(p, "pub-" + year, year, "PUBLIC", "30");
        award(p, "pro-" + year, year, "PROFESSIONAL", "60");
    }

    /** Waits until the projection has caught up with the event store (readiness) and holds the practitioner's last fact. */
    void awaitProjected(String p) throws InterruptedException {
        long last = history(p).size() - 1;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            boolean ready = api.get("/actuator/health/readiness", null).status() == 200;
            if (ready && views.find(p).map(v -> v.lastSequence() >= last).orElse(false)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("projection did not catch up with " + p);
    }

    JsonNode history(String p) {
        return api.get("/api/v1/practitioners/" + p + "/history", ADMIN).body();
    }

    JsonNode eligibility(String p, String query) {
        Api.Response r = api.get("/api/v1/practitioners/" + p + "/eligibility?" + query, ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    List<RecordedFact> factsFromTheEventStore(String p) {
        return events.readEvents(p).asStream()
                .map(m -> new RecordedFact(m.getSequenceNumber(), m.getTimestamp(), (PractitionerEvent) m.getPayload()))
                .toList();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void totalsAndDecisionsAreTheRuleEnginesAndChangeWithCorrectionsAndRevocationsButNotAsKnownBefore() throws Exception {
        String p = register("wang", "MALE", "1985-06-01");
        fullYear(p, 2024);
        fullYear(p, 2025);
        fullYear(p, 2026);
        awaitProjected(p);

        // yearly totals: equal to the engine's over the same facts
        JsonNode years = api.get("/api/v1/practitioners/" + p + "/years", ADMIN).body();
        var engine = new RuleEngine();
        var expectedYears = engine.years(factsFromTheEventStore(p), RuleSets.bundled());
        assertThat(Api.withoutRecorders(years)).isEqualTo(Api.tree(json.writeValueAsString(expectedYears)));
        assertThat(Api.recorders(years)).as("every item says who recorded it").containsExactly(AccountabilityTest.keyId(ADMIN));
        assertThat(years.get(0).path("status").asText()).isEqualTo("MET");

        String query = "purpose=TITLE_EVALUATION&level=INTERMEDIATE&year=2026";
        JsonNode before = eligibility(p, query);
        var expected = engine.evaluate(factsFromTheEventStore(p), RuleSets.bundled(),
                new EligibilityQuery(Purpose.TITLE_EVALUATION, "INTERMEDIATE", 2026, null, false));
        assertThat(Api.withoutRecorders(before)).isEqualTo(Api.tree(json.writeValueAsString(expected)));
        assertThat(Api.recorders(before)).containsExactly(AccountabilityTest.keyId(ADMIN));
        assertThat(before.path("outcome").asText()).isEqualTo("MET");
        Instant knownBefore = Instant.parse(history(p).get(history(p).size() - 1).path("recordedAt").asText());

        // a revocation of one year's professional hours: not met any more
        Thread.sleep(5);
        assertThat(api.post("/api/v1/practitioners/" + p + "/credits/pro-2025/revocations", ADMIN,
                "{\"reason\":\"证书作废\"}").status()).isEqualTo(201);
        awaitProjected(p);
        JsonNode afterRevocation = eligibility(p, query);
        assertThat(afterRevocation.path("outcome").asText()).isEqualTo("NOT_MET");
        assertThat(afterRevocation.toString()).contains("\"scope\":\"2025\"");

        // a profile correction of the birth date: 57 at the as-of date, IM-2025 一(五)1 makes hours not limiting
        assertThat(api.post("/api/v1/practitioners/" + p + "/profile-corrections", ADMIN,
                "{\"correctionId\":\"c1\",\"changes\":{\"birthDate\":\"1969-06-01\"},\"reason\":\"录入错误\"}").status())
                .isEqualTo(201);
        awaitProjected(p);
        JsonNode afterCorrection = eligibility(p, query);
        assertThat(afterCorrection.path("outcome").asText()).isEqualTo("NOT_LIMITING");
        assertThat(afterCorrection.path("reliefs").get(0).path("kind").asText()).isEqualTo("AGE_FULL");

        // as known before the revocation and the correction: the earlier answer, exactly
        JsonNode asKnown = eligibility(p, query + "&knownAt=" + knownBefore);
        assertThat(asKnown).isEqualTo(before);
        assertThat(api.get("/api/v1/practitioners/" + p + "/eligibility?" + query + "&knownAt=2000-01-01T00:00:00Z",
                ADMIN).status()).isEqualTo(404);
    }

    @Test
    void aCertifiedDecisionIsReproducedAsKnownThenAndComparedWithToday() throws Exception {
        String p = register("li", "FEMALE", "1990-02-01");
        fullYear(p, 2024);
        fullYear(p, 2025);
        fullYear(p, 2026);
        String body = "{\"certificationId\":\"cert-1\",\"purpose\":\"TITLE_EVALUATION\",\"level\":\"INTERMEDIATE\",\"year\":2026}";
        Api.Response certified = api.post("/api/v1/practitioners/" + p + "/certifications", ADMIN, body);
        assertThat(certified.status()).as(certified.raw()).isEqualTo(201);
        assertThat(certified.body().path("decision").path("outcome").asText()).isEqualTo("MET");
        assertThat(api.post("/api/v1/practitioners/" + p + "/certifications", ADMIN, body).status()).isEqualTo(200);
        JsonNode h = history(p);
        assertThat(h.get(h.size() - 1).path("type").asText()).isEqualTo("EligibilityCertified");
        assertThat(h.get(h.size() - 1).path("payload").path("upToSequence").asLong()).isEqualTo(6);

        JsonNode review = api.get("/api/v1/practitioners/" + p + "/certifications/cert-1", ADMIN).body();
        assertThat(review.path("reproduced").asBoolean()).isTrue();
        assertThat(review.path("todayAgrees").asBoolean()).isTrue();
        assertThat(review.path("since")).isEmpty();

        api.post("/api/v1/practitioners/" + p + "/credits/pub-2024/revocations", ADMIN, "{\"reason\":\"重复\"}");
        JsonNode later = api.get("/api/v1/practitioners/" + p + "/certifications/cert-1", ADMIN).body();
        assertThat(later.path("reproduced").asBoolean()).as("as known then, still MET").isTrue();
        assertThat(later.path("asCertified").path("outcome").asText()).isEqualTo("MET");
        assertThat(later.path("todayAgrees").asBoolean()).isFalse();
        assertThat(later.path("today").path("outcome").asText()).isEqualTo("NOT_MET");
        assertThat(later.path("since").get(0).path("type").asText()).isEqualTo("CreditRevoked");
        assertThat(later.path("since").get(0).path("id").asText()).isEqualTo("pub-2024");
    }

    @Test
    void rebuildingGivesIdenticalDocumentsAndLosesNoWriteMadeMeanwhile() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String p = register("rebuild" + i, i % 2 == 0 ? "MALE" : "FEMALE", "198" + i + "-01-01");
            fullYear(p, 2025);
            people.add(p);
        }
        for (String p : people) {
            awaitProjected(p);
        }
        List<String> built = raw();
        assertThat(rebuildAndWait().state()).isEqualTo(RebuildStatus.State.COMPLETED);
        List<String> rebuilt = raw();
        assertThat(rebuildAndWait().state()).isEqualTo(RebuildStatus.State.COMPLETED);
        assertThat(raw()).as("rebuilt twice: identical documents").isEqualTo(rebuilt);
        assertThat(rebuilt).as("rebuilt equals built live").isEqualTo(built);

        // writes go on while a rebuild runs: none is lost, none counted twice
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get() || i < 40; i++) {
                String p = people.get(i % people.size());
                award(p, "during-" + i, 2026, "PROFESSIONAL", "1");
                written.incrementAndGet();
            }
        });
        writer.start();
        Thread.sleep(100);
        RebuildStatus started = rebuild.start();
        RebuildStatus done = rebuild.await(Duration.ofMinutes(2));
        writing.set(false);
        writer.join();
        assertThat(done.state()).isEqualTo(RebuildStatus.State.COMPLETED);
        assertThat(done.toGeneration()).isEqualTo(started.toGeneration());
        assertThat(views.generations().active()).isEqualTo(done.toGeneration());
        assertThat(written.get()).isGreaterThanOrEqualTo(40);
        for (String p : people) {
            awaitProjected(p);
            int recorded = history(p).size();
            var view = views.find(p).orElseThrow();
            assertThat(view.facts()).as(p).hasSize(recorded);
            assertThat(view.facts().stream().map(f -> f.sequence()).distinct().count()).isEqualTo(recorded);
            JsonNode year2026 = api.get("/api/v1/practitioners/" + p + "/years", ADMIN).body();
            assertThat(year2026.toString()).contains("\"year\":2026");
        }

        Api.Response status = api.get("/api/v1/admin/rebuilds/current", ADMIN);
        assertThat(status.body().path("eventsDone").asLong()).isPositive();
        assertThat(status.body().path("eventsPerSecond").asDouble()).isPositive();
        String metrics = api.get("/actuator/prometheus", ADMIN).raw();
        assertThat(metrics).contains("ledger_projection_lag{", "ledger_rebuild_events_done",
                "ledger_rebuild_events_expected", "ledger_rebuild_events_rate", "ledger_decisions_computed",
                "ledger_events_appended_total{type=\"CreditAwarded\"}", "ledger_command_seconds_count{command=\"AwardCreditCommand\"",
                "http_server_requests_seconds_count");
    }

    @Test
    void everyMeterTheGrafanaDashboardQueriesIsExported() throws Exception {
        // traffic for every panel: a batch, a single write, a decision
        String p = "dashboard-" + run;
        String batch = "{\"items\":[{\"type\":\"practitioner\"," + Api.registration(p).substring(1) + ","
                + "{\"type\":\"credit\",\"practitionerId\":\"" + p + "\"," + Api.credit("d-1", "8").substring(1) + "]}";
        assertThat(api.post("/api/v1/batches", ADMIN, batch).body().path("accepted").asInt()).isEqualTo(2);
        assertThat(api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, Api.credit("d-2", "8")).status())
                .isEqualTo(201);
        awaitProjected(p);
        eligibility(p, "level=INTERMEDIATE&year=2026");

        // The GC pause timer is registered at the first collection, which a short-lived test JVM may not have
        // had yet: ask for one, and wait until the meter is there.
        System.gc();
        String scrape = api.get("/actuator/prometheus", ADMIN).raw();
        for (int i = 0; i < 100 && !scrape.contains("jvm_gc_pause_seconds_sum"); i++) {
            Thread.sleep(100);
            scrape = api.get("/actuator/prometheus", ADMIN).raw();
        }
        Set<String> exported = new java.util.HashSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        // Maven runs the tests in the module's directory (surefire's basedir); the dashboard lives in ops
        Path module = Path.of(System.getProperty("basedir", "."));
        JsonNode dashboard = json.readTree(module.resolve("../ops/grafana/ledger-dashboard.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> queries.add(e.asText()));
        dashboard.path("templating").path("list").forEach(v -> queries.add(v.path("query").isTextual()
                ? v.path("query").asText() : v.path("query").path("query").asText()));
        assertThat(queries).isNotEmpty();
        // a metric is an identifier before a selector or a range, or the first argument of label_values(...)
        java.util.regex.Pattern meter = java.util.regex.Pattern.compile(
                "([a-zA-Z_:][a-zA-Z0-9_:]*)(?=\\{|\\[)|label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
        int checked = 0;
        for (String query : queries) {
            java.util.regex.Matcher m = meter.matcher(query);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                // a name the scrape lacks leaves its panel empty (as the batch-size and route-latency quantiles were
                // before their histograms were published)
                assertThat(exported).as("%s in %s", name, query).contains(name);
                checked++;
            }
        }
        assertThat(checked).as("metrics found in the panels' queries").isGreaterThanOrEqualTo(
                dashboard.findValues("expr").size());
    }

    private RebuildStatus rebuildAndWait() throws InterruptedException {
        Api.Response r = api.post("/api/v1/admin/rebuilds", ADMIN, "{\"projection\":\"practitioner-views\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return rebuild.await(Duration.ofMinutes(2));
    }

    private List<String> raw() {
        return views.rawDocuments(views.generations().active()).stream().map(Document::toJson).toList();
    }

    @Test
    void aChangedRuleSetFileAndARebuildChangeTheDecisionsUnderANewVersion() throws Exception {
        String p = "ningxia-" + run;
        assertThat(api.post("/api/v1/practitioners", ADMIN, Api.registration(p).replace("\"IM\"", "\"NX\"")
                .replace("呼和浩特市", "银川市")).status()).isEqualTo(201);
        for (int year = 2022; year <= 2025; year++) {
            fullYear(p, year);
        }
        awaitProjected(p);
        String query = "level=INTERMEDIATE&year=2026";
        // NX-2022 一(二): 360 hours in the four years before, 120 of them public
        assertThat(eligibility(p, query).path("outcome").asText()).isEqualTo("MET");
        String before = api.get("/api/v1/rule-sets/NX-2022", ADMIN).body().path("version").asText();

        // a policy maker's change, as a rule-set file in the operator's directory: 400 hours instead of 360
        String bundled = new String(getClass().getResourceAsStream("/rule-sets/NX-2022.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        String changed = bundled.replace("total: {value: 360, citation: \"NX-2022 一(二) 总学时累计不少于 360 学时\"}",
                "total: {value: 400, citation: \"draft revision of NX-2022 一(二): 400 学时\"}");
        assertThat(changed).isNotEqualTo(bundled);
        Files.writeString(RULE_SETS.resolve("NX-2022.yaml"), changed);
        assertThat(eligibility(p, query).path("outcome").asText()).as("nothing changes before the rebuild").isEqualTo("MET");

        assertThat(rebuildAndWait().state()).isEqualTo(RebuildStatus.State.COMPLETED);
        JsonNode decision = eligibility(p, query);
        assertThat(decision.path("outcome").asText()).isEqualTo("NOT_MET");
        assertThat(decision.path("ruleSet").path("version").asText()).isNotEqualTo(before);
        assertThat(decision.toString()).contains("draft revision of NX-2022");
        assertThat(api.get("/api/v1/rule-sets/NX-2022", ADMIN).body().path("version").asText())
                .isEqualTo(decision.path("ruleSet").path("version").asText());
        JsonNode listed = api.get("/api/v1/eligibility?jurisdiction=NX&level=INTERMEDIATE&year=2026", ADMIN).body();
        assertThat(listed.toString()).contains(p).contains("NOT_MET");
    }

    @Test
    void whatIfALowerAgeThresholdFlipsExactlyThePractitionersItShould() throws Exception {
        // IM-2025 一(五)1: men from 50 need only one year of the window. With one full year each:
        Set<String> flipping = Set.of(register("m48", "MALE", "1978-06-01"), register("m49", "MALE", "1977-06-01"));
        List<String> others = List.of(register("m52", "MALE", "1974-06-01"), register("m45", "MALE", "1981-06-01"),
                register("f46", "FEMALE", "1980-06-01"));
        String allYears = register("m47all", "MALE", "1979-06-01");
        for (String p : flipping) {
            fullYear(p, 2026);
        }
        for (String p : others) {
            fullYear(p, 2026);
        }
        fullYear(allYears, 2024);
        fullYear(allYears, 2025);
        fullYear(allYears, 2026);
        for (String p : List.of(allYears, others.get(2))) {
            awaitProjected(p);
        }
        for (String p : flipping) {
            awaitProjected(p);
        }
        Api.Response r = api.post("/api/v1/what-if", ADMIN, """
                {"purpose":"TITLE_EVALUATION","level":"INTERMEDIATE","year":2026,"baseline":"IM-2025",
                 "candidate":{"base":"IM-2025","parameters":{"reliefs.agePartial.menAge":47}},"jurisdiction":"IM"}""");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode result = r.body();
        assertThat(result.path("candidate").path("id").asText()).isEqualTo("IM-2025+variant");
        assertThat(result.path("candidate").path("version").asText())
                .isNotEqualTo(result.path("baseline").path("version").asText());
        List<String> changed = new ArrayList<>();
        result.path("differences").forEach(d -> {
            if (d.path("practitionerId").asText().endsWith(run)) {
                changed.add(d.path("practitionerId").asText());
                assertThat(d.path("baseline").path("outcome").asText()).isEqualTo("NOT_MET");
                assertThat(d.path("candidate").path("outcome").asText()).isEqualTo("MET");
            }
        });
        assertThat(changed).containsExactlyInAnyOrderElementsOf(flipping);
        assertThat(result.path("eligibleUnderCandidate").asLong() - result.path("eligibleUnderBaseline").asLong())
                .isEqualTo(result.path("changed").asLong());

        Api.Response unknown = api.post("/api/v1/what-if", ADMIN,
                "{\"level\":\"INTERMEDIATE\",\"baseline\":\"IM-2099\",\"candidate\":\"IM-2025\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.field()).isEqualTo("ruleSet");
    }

    @Test
    void theEligibilityViewListsAndFiltersAndStatisticsCountTheYear() throws Exception {
        String p = register("zhao", "FEMALE", "1985-01-01");
        fullYear(p, 2026);
        awaitProjected(p);
        JsonNode page = api.get("/api/v1/eligibility?jurisdiction=IM&level=JUNIOR&year=2026&outcome=MET&size=1000", ADMIN).body();
        List<String> ids = new ArrayList<>();
        page.path("rows").forEach(row -> ids.add(row.path("practitionerId").asText()));
        assertThat(ids).contains(p);
        JsonNode stats = api.get("/api/v1/statistics?jurisdiction=IM&year=2026", ADMIN).body();
        assertThat(stats.get(0).path("practitioners").asLong()).isPositive();
        assertThat(stats.get(0).path("shareMeetingMinimums").asDouble()).isBetween(0.0, 1.0);
        assertThat(api.get("/api/v1/eligibility?size=0", ADMIN).field()).isEqualTo("size");
        assertThat(api.get("/api/v1/practitioners/" + p + "/eligibility?level=CAPTAIN", ADMIN).field()).isEqualTo("level");
        assertThat(api.get("/api/v1/rule-sets/IM-2025", ADMIN).body().path("parameters").size()).isGreaterThan(10);
    }
}
