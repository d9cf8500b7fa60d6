package org.celedger.ops.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What decides an answer, and nothing else: a decision's outcome, window, reliefs and each requirement
 * with the facts (sequence, id, hours) that make it; a year's totals, status and items. Later versions may
 * add to an answer (who recorded a fact, masked personal data) without changing a decision; this is what
 * must stay the same.
 */
final class Decisions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Decisions() {
    }

    static JsonNode essence(JsonNode answer) {
        if (answer.isArray()) {
            ArrayNode years = NODES.arrayNode();
            answer.forEach(y -> years.add(year(y)));
            return years;
        }
        ObjectNode d = NODES.objectNode();
        copy(answer, d, List.of("outcome", "eligible", "referenceStatus", "window", "upToSequence"));
        d.put("ruleSet", answer.path("ruleSet").path("id").asText());
        ArrayNode reliefs = d.putArray("reliefs");
        answer.path("reliefs").forEach(r -> reliefs.add(NODES.objectNode().put("kind", r.path("kind").asText())
                .put("decisive", r.path("decisive").asBoolean())));
        ArrayNode requirements = d.putArray("requirements");
        for (JsonNode r : answer.path("requirements")) {
            ObjectNode row = NODES.objectNode();
            copy(r, row, List.of("scope", "category", "required", "credited", "met", "shortfall"));
            row.set("contributions", facts(r.path("contributions")));
            requirements.add(row);
        }
        return d;
    }

    private static ObjectNode year(JsonNode y) {
        ObjectNode year = NODES.objectNode();
        copy(y, year, List.of("year", "public", "professional", "total", "status"));
        year.put("ruleSet", y.path("ruleSet").path("id").asText());
        year.set("items", facts(y.path("items")));
        return year;
    }

    private static ArrayNode facts(JsonNode contributions) {
        ArrayNode facts = NODES.arrayNode();
        contributions.forEach(c -> facts.add(NODES.objectNode().put("sequence", c.path("sequence").asLong())
                .put("id", c.path("id").asText()).set("hours", c.path("hours"))));
        return facts;
    }

    private static void copy(JsonNode from, ObjectNode to, List<String> fields) {
        fields.forEach(f -> to.set(f, from.path(f).isMissingNode() ? NODES.nullNode() : from.get(f)));
    }
}
