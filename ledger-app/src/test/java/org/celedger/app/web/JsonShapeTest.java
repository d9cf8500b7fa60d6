package org.celedger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.celedger.app.audit.Actor;
import org.celedger.app.audit.RecordedBy;
import org.celedger.app.audit.RecordedByConfiguration;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditRevoked;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.ProfileChanges;
import org.celedger.domain.practitioner.RevocationCause;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.context.annotation.Import;

/**
 * The exact JSON the API answers for a decision, a credit year and an event's payload, property order and
 * date format included, as written by the application's own {@link ObjectMapper}: the HTTP shape is
 * ledger-app's, the domain records carry no Jackson annotations.
 */
@JsonTest
@Import({ApiJsonShapes.class, RecordedByConfiguration.class})
class JsonShapeTest {

    private static final RuleEngine ENGINE = new RuleEngine();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private ObjectMapper json;

    /** A man born in 1973 (age relief), two credits in 2024, one of them revoked (a contribution with a note). */
    private static List<RecordedFact> facts() {
        var profile = new PractitionerProfile("张三", Gender.MALE, LocalDate.of(1973, 1, 1), Jurisdiction.IM, "呼和浩特市",
                Sector.PUBLIC_INSTITUTION, false, "工程", TitleLevel.INTERMEDIATE, LocalDate.of(2015, 6, 1),
                Degree.BACHELOR);
        return List.of(
                new RecordedFact(0, START, new PractitionerRegistered("p-1", profile)),
                new RecordedFact(1, START.plusSeconds(60), new CreditAwarded("p-1", "pub-2024", 2024, Category.PUBLIC,
                        Activity.ONLINE_PLATFORM, new BigDecimal("30.0"), null, null, null, "人社厅", null,
                        LocalDate.of(2024, 3, 1))),
                new RecordedFact(2, START.plusSeconds(120), new CreditAwarded("p-1", "pro-2024", 2024,
                        Category.PROFESSIONAL, Activity.ONLINE_PLATFORM, new BigDecimal("12"), null, null, null, "人社厅",
                        null, LocalDate.of(2024, 4, 1))),
                new RecordedFact(3, START.plusSeconds(180), new CreditRevoked("p-1", "pro-2024", "issued in error",
                        RevocationCause.CORRECTION, null)));
    }

    @Test
    void aDecisionIsWrittenWithThePropertiesOfApiMdInTheirOrder() throws Exception {
        var decision = ENGINE.evaluate(facts(), RuleSets.bundled(), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2025));

        assertThat(versionless(json.writeValueAsString(decision))).isEqualTo(DECISION);
    }

    @Test
    void theAsOfDateIsTextEvenWhereAMapperWritesTimestamps() throws Exception {
        var decision = ENGINE.evaluate(facts(), RuleSets.bundled(), EligibilityQuery.title(TitleLevel.JUNIOR, 2025));
        ObjectMapper timestamps = json.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(timestamps.readTree(timestamps.writeValueAsString(decision)).get("asOf").asText())
                .isEqualTo("2025-12-31");
    }

    @Test
    void aCreditYearIsWrittenWithThePropertiesOfApiMdInTheirOrder() throws Exception {
        var years = ENGINE.years(facts(), RuleSets.bundled());

        assertThat(versionless(json.writeValueAsString(years))).isEqualTo(YEARS);
    }

    @Test
    void whoRecordedAContributionsEventIsWrittenAfterItsOwnProperties() throws Exception {
        var contribution = new Contribution(2, "CreditAwarded", "pro-2024", new BigDecimal("0.0"), "IM-2025 一(四)1",
                Category.PROFESSIONAL, "revoked");

        assertThat(json.writer().withAttribute(RecordedBy.ATTRIBUTE, Map.of(2L, Actor.UNKNOWN))
                .writeValueAsString(contribution)).startsWith("{\"sequence\":2,\"eventType\":\"CreditAwarded\","
                + "\"id\":\"pro-2024\",\"hours\":0.0,\"citation\":\"IM-2025 一(四)1\",\"category\":\"PROFESSIONAL\","
                + "\"note\":\"revoked\",\"recordedBy\":{\"keyId\":\"unknown\"");
        assertThat(json.writeValueAsString(contribution)).as("nobody asked: no recordedBy").endsWith("\"note\":\"revoked\"}");
    }

    @Test
    void aProfileCorrectionIsWrittenWithItsFieldsOnly() throws Exception {
        var changes = new ProfileChanges(null, null, null, null, "包头市", null, null, null, null, null, null);
        var previous = new ProfileChanges(null, null, null, null, "呼和浩特市", null, null, null, null, null, null);

        assertThat(json.writeValueAsString(new PractitionerProfileCorrected("p-1", "c-1", changes, previous, "moved")))
                .isEqualTo(CORRECTION);
    }

    /** A rule set's version is its content hash: not this test's concern. */
    private static String versionless(String json) {
        return json.replaceAll("sha256:[0-9a-f]{64}", "<version>");
    }

    private static final String DECISION = "{\"practitionerId\":\"p-1\",\"purpose\":\"TITLE_EVALUATION\",\"level\":\"INTERMEDIATE\","
            + "\"year\":2025,\"asOf\":\"2025-12-31\",\"ruleSet\":{\"id\":\"IM-2025\",\"version\":\"<version>\"},"
            + "\"outcome\":\"NOT_MET\",\"eligible\":false,\"referenceStatus\":null,\"window\":[2023,2024,2025],"
            + "\"reliefs\":[{\"kind\":\"AGE_PARTIAL\",\"decisive\":true,"
            + "\"citation\":\"IM-2025 一(五)1 完成近三年中一个年度学时要求即可\",\"detail\":\"MALE born 1973-01-01,"
            + " aged 52 at the as-of date (≥ 50,"
            + " IM-2025 一(五)1 男满50周岁 (I-9)); any one year of the window meeting the yearly minimums suffices\","
            + "\"effect\":\"REQUIREMENT_MODIFIER\"}],\"requirements\":[{\"scope\":\"2023\",\"category\":\"PUBLIC\","
            + "\"required\":30.0,\"credited\":0.0,\"met\":false,\"contributions\":[],\"shortfall\":30.0,"
            + "\"rule\":\"MINIMUM\",\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"},"
            + "{\"scope\":\"2023\",\"category\":\"PROFESSIONAL\",\"required\":60.0,\"credited\":0.0,\"met\":false,"
            + "\"contributions\":[],\"shortfall\":60.0,\"rule\":\"MINIMUM\","
            + "\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"},{\"scope\":\"2023\","
            + "\"category\":\"TOTAL\",\"required\":90.0,\"credited\":0.0,\"met\":false,\"contributions\":[],"
            + "\"shortfall\":90.0,\"rule\":\"MINIMUM\","
            + "\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"},{\"scope\":\"2024\","
            + "\"category\":\"PUBLIC\",\"required\":30.0,\"credited\":30.0,\"met\":true,"
            + "\"contributions\":[{\"sequence\":1,\"eventType\":\"CreditAwarded\",\"id\":\"pub-2024\","
            + "\"hours\":30.0,\"citation\":\"IM-2025 一(四)1\",\"category\":\"PUBLIC\"}],\"shortfall\":0.0,"
            + "\"rule\":\"MINIMUM\",\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"},"
            + "{\"scope\":\"2024\",\"category\":\"PROFESSIONAL\",\"required\":60.0,\"credited\":0.0,\"met\":false,"
            + "\"contributions\":[{\"sequence\":2,\"eventType\":\"CreditAwarded\",\"id\":\"pro-2024\","
            + "\"hours\":0.0,\"citation\":\"IM-2025 一(四)1\",\"category\":\"PROFESSIONAL\","
            + "\"note\":\"revoked by sequence 3 (CORRECTION: issued in error); was 12.0\"}],\"shortfall\":60.0,"
            + "\"rule\":\"MINIMUM\",\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"},"
            + "{\"scope\":\"2024\",\"category\":\"TOTAL\",\"required\":90.0,\"credited\":30.0,\"met\":false,"
            + "\"contributions\":[{\"sequence\":1,\"eventType\":\"CreditAwarded\",\"id\":\"pub-2024\","
            + "\"hours\":30.0,\"citation\":\"IM-2025 一(四)1\",\"category\":\"PUBLIC\"},{\"sequence\":2,"
            + "\"eventType\":\"CreditAwarded\",\"id\":\"pro-2024\",\"hours\":0.0,\"citation\":\"IM-2025 一(四)1\","
            + "\"category\":\"PROFESSIONAL\","
            + "\"note\":\"revoked by sequence 3 (CORRECTION: issued in error); was 12.0\"}],\"shortfall\":60.0,"
            + "\"rule\":\"MINIMUM\",\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"},"
            + "{\"scope\":\"2025\",\"category\":\"PUBLIC\",\"required\":30.0,\"credited\":0.0,\"met\":false,"
            + "\"contributions\":[],\"shortfall\":30.0,\"rule\":\"MINIMUM\","
            + "\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"},{\"scope\":\"2025\","
            + "\"category\":\"PROFESSIONAL\",\"required\":60.0,\"credited\":0.0,\"met\":false,\"contributions\":[],"
            + "\"shortfall\":60.0,\"rule\":\"MINIMUM\","
            + "\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"},{\"scope\":\"2025\","
            + "\"category\":\"TOTAL\",\"required\":90.0,\"credited\":0.0,\"met\":false,\"contributions\":[],"
            + "\"shortfall\":90.0,\"rule\":\"MINIMUM\","
            + "\"citation\":\"IM-2025 一(二); any one year: IM-2025 一(五)1 完成近三年中一个年度学时要求即可\"}],\"upToSequence\":3}";
    private static final String YEARS = "[{\"year\":2024,\"ruleSet\":{\"id\":\"IM-2022\",\"version\":\"<version>\"},\"public\":30.0,"
            + "\"professional\":0.0,\"total\":30.0,\"status\":\"NOT_MET\",\"items\":[{\"sequence\":1,"
            + "\"eventType\":\"CreditAwarded\",\"id\":\"pub-2024\",\"hours\":30.0,"
            + "\"citation\":\"IM-2022 一(一) 公需科目开展网络培训; RULES.md §4.1\",\"category\":\"PUBLIC\"},{\"sequence\":2,"
            + "\"eventType\":\"CreditAwarded\",\"id\":\"pro-2024\",\"hours\":0.0,"
            + "\"citation\":\"IM-2022 一(一) 公需科目开展网络培训; RULES.md §4.1\",\"category\":\"PROFESSIONAL\","
            + "\"note\":\"revoked by sequence 3 (CORRECTION: issued in error); was 12.0\"}]}]";
    /** The resident ID number and the birth month, added with personal data (API.md "Personal data"), as null. */
    private static final String CORRECTION = "{\"practitionerId\":\"p-1\",\"correctionId\":\"c-1\",\"changes\":{\"name\":null,"
            + "\"idNumber\":null,\"gender\":null,\"birthDate\":null,\"birthYearMonth\":null,\"jurisdiction\":null,"
            + "\"region\":\"包头市\",\"sector\":null,\"grassroots\":null,"
            + "\"titleSeries\":null,\"titleLevel\":null,\"titleObtainedOn\":null,\"degree\":null},"
            + "\"previous\":{\"name\":null,\"idNumber\":null,\"gender\":null,\"birthDate\":null,\"birthYearMonth\":null,"
            + "\"jurisdiction\":null,\"region\":\"呼和浩特市\",\"sector\":null,\"grassroots\":null,\"titleSeries\":null,"
            + "\"titleLevel\":null,"
            + "\"titleObtainedOn\":null,\"degree\":null},\"reason\":\"moved\"}";
}
