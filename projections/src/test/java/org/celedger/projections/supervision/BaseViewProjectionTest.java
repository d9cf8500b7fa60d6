package org.celedger.projections.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.celedger.domain.base.BaseLevel;
import org.celedger.domain.base.BaseRegistered;
import org.celedger.domain.base.RiskSignal;
import org.celedger.domain.base.RosterEntry;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.base.SessionMode;
import org.celedger.domain.base.SessionPlanFiled;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervision projection against the embedded MongoDB: idempotent, and read with risk signals. */
class BaseViewProjectionTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final BaseViewStore store;

    BaseViewProjectionTest() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        store = new BaseViewStore(client.getDatabase("ledger"), new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aReDeliveredEventChangesNothingAndSignalsFollowTheServingRuleSet() {
        var projection = new BaseViewProjection(store);
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        var roster = new RosterSubmitted("b", "s", List.of(new RosterEntry("p-1", "王芳", new BigDecimal("30.0"),
                Category.PROFESSIONAL)), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 11));
        projection.on(new BaseRegistered("b", "钢铁培训基地", BaseLevel.REGIONAL, Jurisdiction.IM, "包头市"), 0, at);
        // filed on the day the session started: IM-2025 一(六)1 asks for 14 days before
        projection.on(new SessionPlanFiled("b", "s", "培训", Category.PROFESSIONAL, SessionMode.IN_PERSON,
                LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11), "包头", 1, LocalDate.of(2026, 11, 10)), 1, at);
        projection.on(roster, 2, at);
        projection.on(roster, 2, at);
        assertThat(store.find("b").orElseThrow().sessions.get(0).roster).hasSize(1);

        var supervision = new Supervision(store, RuleSets::bundled);
        var report = supervision.base("b").orElseThrow().sessions().get(0);
        assertThat(report.ruleSet()).isEqualTo("IM-2025");
        assertThat(report.signals()).containsExactlyInAnyOrder(RiskSignal.PLAN_LATE, RiskSignal.HOURS_EXCEED_DAYS);
        assertThat(report.weight()).isEqualTo(3);
        assertThat(supervision.population(2026, Jurisdiction.IM)).singleElement()
                .satisfies(c -> assertThat(c.weight()).isEqualTo(3));
        assertThat(supervision.population(2026, Jurisdiction.NX)).isEmpty();
    }
}
