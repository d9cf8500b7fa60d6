package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.celedger.app.consistency.ReadConsistency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reads follow acknowledged writes. With the practitioner views' projection stopped, so that every view
 * lags, a read of one practitioner still reflects every write acknowledged before it (it is derived from
 * the event store), and says so; a read over the population says how far it is consistent, waits for a
 * write's position when asked, and answers 503 with Retry-After rather than a stale answer. A roster's
 * credits and a falsified session's revocations are recorded before their answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + ConsistentReadsTest.ADMIN, "ledger.evaluation-year=2026",
                "ledger.consistency.max-wait=300ms"})
class ConsistentReadsTest {

    static final String ADMIN = "consistent-reads-admin-key";
    static final String QUERY = "purpose=TITLE_EVALUATION&level=INTERMEDIATE&year=2026";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/consistent-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry metrics;

    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    StreamingEventProcessor practitionerViews() {
        return processing.eventProcessor("practitioner-views", StreamingEventProcessor.class).orElseThrow();
    }

    Api.Response write(String path, String body) {
        Api.Response r = api.post(path, ADMIN, body);
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return r;
    }

    Api.Response award(String p, String awardId, int year, String category, int hours) {
        return write("/api/v1/practitioners/" + p + "/credits", "{\"awardId\":\"" + awardId + "\",\"year\":" + year
                + ",\"category\":\"" + category + "\",\"activity\":\"ONLINE_PLATFORM\",\"hours\":" + hours
                + ",\"approvedBy\":\"平台\",\"completedOn\":\"" + year + "-03-10\"}");
    }

    JsonNode decisionAtOnce(String p, Api.Response after) {
        Api.Response r = api.get("/api/v1/practitioners/" + p + "/eligibility?" + QUERY, ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        long sequence = after.body().path("sequence").asLong();
        assertThat(r.body().path("upToSequence").asLong()).isEqualTo(sequence);
        assertThat(r.header(ReadConsistency.SEQUENCE_HEADER)).isEqualTo(sequence);
        assertThat(r.header(ReadConsistency.POSITION_HEADER)).isEqualTo(after.body().path("position").asLong());
        return r.body();
    }

    static void awaitBothSegments(StreamingEventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (processor.processingStatus().size() < 2) {
            assertThat(System.nanoTime()).as("practitioner-views claims both its segments").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    double viewBehindReads() {
        return metrics.get("ledger.reads.view.behind").counter().count();
    }

    @Test
    void aPractitionerReadReflectsEveryAcknowledgedWriteWhileTheViewLagsAndAViewReadSaysItIsBehind() throws Exception {
        StreamingEventProcessor views = practitionerViews();
        // Stopped while it is still claiming its segments at start, Axon's processor may come back with one
        // segment unclaimed for good; stop it once it holds both.
        awaitBothSegments(views);
        views.shutDown();
        try {
            String p = "wang-" + run;
            Api.Response registered = write("/api/v1/practitioners", Api.registration(p)
                    .replace("\"FEMALE\"", "\"MALE\"").replace("1980-05-17", "1985-06-01"));
            assertThat(registered.body().path("sequence").asLong()).isZero();
            assertThat(registered.body().path("id").asText()).isEqualTo(p);
            assertThat(registered.body().path("factId").asText()).isEqualTo(p);
            assertThat(registered.header(ReadConsistency.SEQUENCE_HEADER)).isZero();
            Api.Response last = registered;
            for (int year = 2024; year <= 2026; year++) {
                award(p, "pub-" + year, year, "PUBLIC", 30);
                last = award(p, "pro-" + year, year, "PROFESSIONAL", 60);
            }
            assertThat(last.body().path("sequence").asLong()).isEqualTo(6);
            double behindBefore = viewBehindReads();
            assertThat(decisionAtOnce(p, last).path("outcome").asText()).isEqualTo("MET");
            assertThat(viewBehindReads()).as("answered from the event store").isEqualTo(behindBefore + 1);

            Api.Response revoked = write("/api/v1/practitioners/" + p + "/credits/pro-2025/revocations",
                    "{\"reason\":\"证书作废\"}");
            assertThat(revoked.body().path("sequence").asLong()).isEqualTo(7);
            assertThat(revoked.body().path("factId").asText()).as("the award it revoked").isEqualTo("pro-2025");
            JsonNode notMet = decisionAtOnce(p, revoked);
            assertThat(notMet.path("outcome").asText()).isEqualTo("NOT_MET");
            assertThat(notMet.toString()).contains("\"scope\":\"2025\"");

            // a retry is a DUPLICATE and answers where the stream stands: with the revocation in it
            Api.Response retried = api.post("/api/v1/practitioners/" + p + "/credits/pro-2025/revocations", ADMIN,
                    "{\"reason\":\"证书作废\"}");
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.body().path("sequence").asLong()).isEqualTo(7);
            assertThat(retried.body().path("position").asLong()).isEqualTo(revoked.body().path("position").asLong());

            Api.Response years = api.get("/api/v1/practitioners/" + p + "/years", ADMIN);
            assertThat(years.header(ReadConsistency.SEQUENCE_HEADER)).isEqualTo(7);
            JsonNode y2025 = years.body().get(1);
            assertThat(y2025.path("year").asInt()).isEqualTo(2025);
            assertThat(y2025.path("professional").decimalValue()).isZero();
            assertThat(y2025.path("status").asText()).isEqualTo("NOT_MET");
            Api.Response history = api.get("/api/v1/practitioners/" + p + "/history", ADMIN);
            assertThat(history.body().size()).isEqualTo(8);
            assertThat(history.header(ReadConsistency.POSITION_HEADER)).isEqualTo(revoked.body().path("position").asLong());

            // the population: consistent through a position before the writes, and refusing to answer stale
            long position = revoked.body().path("position").asLong();
            Api.Response listing = api.get("/api/v1/eligibility?level=INTERMEDIATE", ADMIN);
            assertThat(listing.status()).isEqualTo(200);
            long through = listing.header(ReadConsistency.CONSISTENT_THROUGH_HEADER);
            assertThat(through).isLessThan(registered.body().path("position").asLong());
            assertThat(listing.body().path("consistentThrough").asLong()).isEqualTo(through);
            Api.Response behind = api.get("/api/v1/eligibility?level=INTERMEDIATE&waitForPosition=" + position, ADMIN);
            assertThat(behind.status()).as(behind.raw()).isEqualTo(503);
            assertThat(behind.contentType()).isEqualTo("application/problem+json");
            assertThat(behind.headers().firstValue("Retry-After")).contains("1");
            assertThat(behind.field()).isEqualTo("waitForPosition");
            assertThat(behind.body().path("consistentThrough").asLong()).isEqualTo(through);
            assertThat(api.get("/api/v1/statistics?year=2026&waitForPosition=" + position, ADMIN).status()).isEqualTo(503);
            assertThat(api.post("/api/v1/what-if?waitForPosition=" + position, ADMIN,
                    "{\"level\":\"INTERMEDIATE\",\"year\":2026,\"baseline\":\"IM-2025\",\"candidate\":\"IM-2022\"}")
                    .status()).isEqualTo(503);
            assertThat(api.get("/api/v1/eligibility?waitForPosition=soon", ADMIN).field()).isEqualTo("waitForPosition");

            // started again, the projection first claims its segments: the caller retries as Retry-After says
            views.start();
            awaitBothSegments(views);
            Api.Response caughtUp;
            int retries = 0;
            do {
                caughtUp = api.get("/api/v1/eligibility?level=INTERMEDIATE&jurisdiction=IM&size=1000&waitForPosition="
                        + position, ADMIN);
                assertThat(caughtUp.status()).as(caughtUp.raw()).isIn(200, 503);
            } while (caughtUp.status() == 503 && ++retries < 100);
            assertThat(caughtUp.status()).as(caughtUp.raw()).isEqualTo(200);
            assertThat(caughtUp.header(ReadConsistency.CONSISTENT_THROUGH_HEADER)).isGreaterThanOrEqualTo(position);
            JsonNode row = null;
            for (JsonNode r : caughtUp.body().path("rows")) {
                if (r.toString().contains(p)) {
                    row = r;
                }
            }
            assertThat(row).as("the practitioner is listed once the view includes the position").isNotNull();
            assertThat(row.toString()).contains("NOT_MET");
        } finally {
            if (!views.isRunning()) {
                views.start();
            }
        }
    }

    @Test
    void everyTrackingProcessorStoresItsTokenOnlyAfterProcessingABatch() throws Exception {
        var field = org.axonframework.eventhandling.TrackingEventProcessor.class.getDeclaredField("storeTokenBeforeProcessing");
        field.setAccessible(true);
        assertThat(processing.eventProcessors()).containsKeys("practitioner-views", "supervision", "roster-credits");
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof org.axonframework.eventhandling.TrackingEventProcessor) {
                assertThat(field.getBoolean(processor)).as(processor.getName()).isFalse();
            }
        }
    }

    @Test
    void aRostersCreditsAndAFalsifiedSessionsRevocationsAreReadAtOnce() {
        String baseId = "base-" + run;
        write("/api/v1/bases", "{\"baseId\":\"" + baseId + "\",\"name\":\"钢铁培训基地\",\"level\":\"REGIONAL\","
                + "\"jurisdiction\":\"IM\",\"region\":\"包头市\"}");
        String session = "s-" + run;
        write("/api/v1/bases/" + baseId + "/sessions", "{\"sessionId\":\"" + session + "\",\"title\":\"能力提升培训\","
                + "\"category\":\"PROFESSIONAL\",\"mode\":\"IN_PERSON\",\"startDate\":\"2026-11-09\",\"endDate\":"
                + "\"2026-11-11\",\"location\":\"包头\",\"capacity\":40}");
        List<String> people = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String p = "r" + i + "-" + run;
            people.add(p);
            write("/api/v1/practitioners", Api.registration(p));
            rows.append(i == 0 ? "" : ",").append("{\"practitionerId\":\"").append(p)
                    .append("\",\"hours\":24,\"category\":\"PROFESSIONAL\"}");
        }
        Api.Response roster = api.post("/api/v1/bases/" + baseId + "/sessions/" + session + "/roster", ADMIN,
                "{\"entries\":[" + rows + "]}");
        assertThat(roster.status()).as(roster.raw()).isEqualTo(200);
        assertThat(roster.body().path("accepted").asInt()).isEqualTo(20);
        assertThat(roster.body().path("creditsRecorded").asBoolean()).isTrue();
        for (int i = 0; i < 20; i++) {
            JsonNode row = roster.body().path("rows").get(i);
            assertThat(row.path("sequence").asLong()).as("registered, then credited").isEqualTo(1);
            Api.Response years = api.get("/api/v1/practitioners/" + people.get(i) + "/years", ADMIN);
            assertThat(years.header(ReadConsistency.POSITION_HEADER)).isEqualTo(row.path("position").asLong());
            assertThat(years.body().get(0).path("professional").decimalValue()).isEqualByComparingTo("24");
        }

        Api.Response inspected = api.post("/api/v1/bases/" + baseId + "/sessions/" + session + "/inspections", ADMIN,
                "{\"inspectionId\":\"i-" + run + "\",\"inspector\":\"张检查\",\"date\":\"2026-11-20\","
                        + "\"observedHeadcount\":5,\"observedHours\":6,\"verdict\":\"FALSIFIED\",\"notes\":\"签到表伪造\"}");
        assertThat(inspected.status()).as(inspected.raw()).isEqualTo(201);
        assertThat(inspected.body().path("revocationsRecorded").asBoolean()).isTrue();
        for (String p : people) {
            Api.Response years = api.get("/api/v1/practitioners/" + p + "/years", ADMIN);
            assertThat(years.header(ReadConsistency.SEQUENCE_HEADER)).as("registered, credited, revoked").isEqualTo(2);
            assertThat(years.body().get(0).path("professional").decimalValue()).isZero();
        }
        // the base's view, asked to include the inspection, shows it
        Api.Response base = api.get("/api/v1/bases/" + baseId + "?waitForPosition="
                + inspected.body().path("position").asLong(), ADMIN);
        assertThat(base.status()).as(base.raw()).isEqualTo(200);
        assertThat(base.raw()).contains("FALSIFIED");
    }
}
