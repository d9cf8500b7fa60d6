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
import org.celedger.domain.base.RosterCreditRefused;
import org.celedger.domain.base.RosterEntry;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.base.SessionFalsified;
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
        projection.on(new BaseRegistered("b", "钢铁培训基地", BaseLevel.REGIONAL, Jurisdiction.IM, "包头市"), 0, at, 10);
        // filed on the day the session started: IM-2025 一(六)1 asks for 14 days before
        projection.on(new SessionPlanFiled("b", "s", "培训", Category.PROFESSIONAL, SessionMode.IN_PERSON,
                LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11), "包头", 1, LocalDate.of(2026, 11, 10)), 1, at, 11);
        projection.on(roster, 2, at, 12);
        projection.on(roster, 2, at, 12);
        assertThat(store.find("b").orElseThrow().sessions.get(0).roster).hasSize(1);
        assertThat(store.find("b").orElseThrow().sessions.get(0).processPosition).isEqualTo(12);

        var supervision = new Supervision(store, RuleSets::bundled);
        var report = supervision.base("b").orElseThrow().sessions().get(0);
        assertThat(report.ruleSet()).isEqualTo("IM-2025");
        assertThat(report.signals()).containsExactlyInAnyOrder(RiskSignal.PLAN_LATE, RiskSignal.HOURS_EXCEED_DAYS);
        assertThat(report.weight()).isEqualTo(3);
        assertThat(supervision.population(2026, Jurisdiction.IM)).singleElement()
                .satisfies(c -> assertThat(c.weight()).isEqualTo(3));
        assertThat(supervision.population(2026, Jurisdiction.NX)).isEmpty();
    }

    @Test
    void aRosterRowSaysWhatBecameOfItsCredit() {
        var projection = new BaseViewProjection(store);
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        projection.on(new BaseRegistered("b", "钢铁培训基地", BaseLevel.REGIONAL, Jurisdiction.IM, "包头市"), 0, at, 10);
        projection.on(new RosterSubmitted("b", "s", List.of(
                new RosterEntry("p-1", null, new BigDecimal("30.0"), Category.PROFESSIONAL),
                new RosterEntry("p-2", null, new BigDecimal("8.0"), Category.PUBLIC)),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)), 1, at, 11);
        projection.on(new RosterCreditRefused("b", "s", "p-1", "s/p-1", "awardId s/p-1 was already used"), 2, at, 12);
        var supervision = new Supervision(store, RuleSets::bundled);

        assertThat(supervision.processPosition("b", "s")).hasValue(11);
        assertThat(supervision.roster("b", "s", position -> false).orElseThrow().rows()).containsExactly(
                new Supervision.RosterRowReport("p-1", new BigDecimal("30.0"), Category.PROFESSIONAL, "s/p-1",
                        Supervision.CreditStatus.NOT_CREDITED, "awardId s/p-1 was already used"),
                new Supervision.RosterRowReport("p-2", new BigDecimal("8.0"), Category.PUBLIC, "s/p-2",
                        Supervision.CreditStatus.PENDING, null));
        assertThat(supervision.roster("b", "s", position -> position <= 11).orElseThrow().rows().get(1).credit())
                .isEqualTo(Supervision.CreditStatus.CREDITED);

        projection.on(new SessionFalsified("b", "s", "i-1", List.of("p-1", "p-2"), "伪造"), 3, at, 13);
        assertThat(supervision.roster("b", "s", position -> position <= 11).orElseThrow().rows().get(1).credit())
                .as("the verdict's revocations are not recorded yet").isEqualTo(Supervision.CreditStatus.PENDING);
        assertThat(supervision.roster("b", "s", position -> position <= 13).orElseThrow().rows())
                .extracting(Supervision.RosterRowReport::credit)
                .containsExactly(Supervision.CreditStatus.NOT_CREDITED, Supervision.CreditStatus.REVOKED);
        assertThat(supervision.roster("b", "other", position -> true)).isEmpty();
        assertThat(supervision.processPosition("nobody", "s")).isEmpty();
    }
}
