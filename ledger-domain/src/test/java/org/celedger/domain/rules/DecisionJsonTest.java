package org.celedger.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.celedger.domain.practitioner.TitleLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.rules.Rules.ENGINE;
import static org.celedger.domain.rules.Rules.SETS;
import static org.celedger.domain.rules.Rules.set;

/** A decision serializes with Jackson to exactly the field names of API.md ("A decision"). */
class DecisionJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void aDecisionHasTheFieldsOfApiMd() throws Exception {
        Facts facts = ReliefTableTest.person(set("IM-2025"), ReliefTableTest.man(1973, 1, 1)).fullYear(2024);
        Decision d = ENGINE.evaluate(facts.list(), SETS, EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2025));

        JsonNode json = JSON.readTree(JSON.writeValueAsString(d));

        assertThat(names(json)).containsExactly("practitionerId", "purpose", "level", "year", "asOf", "ruleSet", "outcome",
                "eligible", "referenceStatus", "window", "reliefs", "requirements", "upToSequence");
        assertThat(json.get("asOf").asText()).isEqualTo("2025-12-31");
        assertThat(json.get("purpose").asText()).isEqualTo("TITLE_EVALUATION");
        assertThat(json.get("outcome").asText()).isEqualTo("MET");
        assertThat(json.get("referenceStatus").isNull()).isTrue();
        assertThat(names(json.get("ruleSet"))).containsExactly("id", "version");
        assertThat(json.get("window").toString()).isEqualTo("[2023,2024,2025]");
        assertThat(names(json.get("reliefs").get(0))).startsWith("kind", "decisive", "citation", "detail");
        assertThat(json.get("reliefs").get(0).get("kind").asText()).isEqualTo("AGE_PARTIAL");
        JsonNode requirement = json.get("requirements").get(3);
        assertThat(names(requirement)).startsWith("scope", "category", "required", "credited", "met", "contributions");
        assertThat(requirement.get("scope").asText()).isEqualTo("2024");
        assertThat(requirement.get("required").decimalValue()).isEqualByComparingTo("30");
        assertThat(requirement.get("credited").toString()).isEqualTo("30.0");
        JsonNode contribution = requirement.get("contributions").get(0);
        assertThat(names(contribution)).startsWith("sequence", "eventType", "id", "hours", "citation");
        assertThat(contribution.get("eventType").asText()).isEqualTo("CreditAwarded");
        assertThat(contribution.get("id").asText()).isEqualTo("pub-2024");
        assertThat(contribution.has("note")).isFalse();
        assertThat(json.get("upToSequence").asLong()).isEqualTo(2);
    }

    @Test
    void theDateIsTextEvenWhereTimestampsAreTheDefault() throws Exception {
        ObjectMapper timestamps = JsonMapper.builder().addModule(new JavaTimeModule())
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        Decision d = ENGINE.evaluate(Facts.practitioner().list(), SETS, EligibilityQuery.title(TitleLevel.JUNIOR, 2025));

        assertThat(timestamps.readTree(timestamps.writeValueAsString(d)).get("asOf").asText()).isEqualTo("2025-12-31");
    }

    @Test
    void yearTotalsHaveTheFieldsOfApiMd() throws Exception {
        List<YearTotals> years = ENGINE.years(Facts.practitioner().fullYear(2025).list(), SETS);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(years.get(0)));

        assertThat(names(json)).containsExactly("year", "ruleSet", "public", "professional", "total", "status", "items");
        assertThat(json.get("total").toString()).isEqualTo("90.0");
        assertThat(json.get("status").asText()).isEqualTo("MET");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
