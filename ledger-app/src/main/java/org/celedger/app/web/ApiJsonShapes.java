package org.celedger.app.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.Relief;
import org.celedger.domain.rules.Requirement;
import org.celedger.domain.rules.YearTotals;
import org.springframework.stereotype.Component;

/**
 * The JSON shape of the rule engine's answers (API.md "A decision", {@code /years}): property order, names
 * and date format, kept here so that the domain records carry no Jackson annotations. Spring Boot registers
 * this module with the application's {@code ObjectMapper}, which the event serializer copies. A property a
 * record gains and its order here does not list is written after the listed ones.
 */
@Component
public class ApiJsonShapes extends SimpleModule {

    public ApiJsonShapes() {
        super("ledger-api-json-shapes");
        setMixInAnnotation(Decision.class, DecisionShape.class);
        setMixInAnnotation(Relief.class, ReliefShape.class);
        setMixInAnnotation(Requirement.class, RequirementShape.class);
        setMixInAnnotation(Contribution.class, ContributionShape.class);
        setMixInAnnotation(YearTotals.class, YearTotalsShape.class);
    }

    @JsonPropertyOrder({"practitionerId", "purpose", "level", "year", "asOf", "ruleSet", "outcome", "eligible",
            "referenceStatus", "window", "reliefs", "requirements", "upToSequence"})
    abstract static class DecisionShape {
        /** Text even where a mapper writes dates as timestamps. */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        abstract LocalDate asOf();
    }

    @JsonPropertyOrder({"kind", "decisive", "citation", "detail", "effect"})
    abstract static class ReliefShape {
    }

    @JsonPropertyOrder({"scope", "category", "required", "credited", "met", "contributions", "shortfall", "rule",
            "citation"})
    abstract static class RequirementShape {
    }

    /**
     * A contribution's shape. Jackson keeps one mix-in per class: a mix-in that adds to a contribution (the
     * {@code recordedBy} of {@code app.audit.RecordedBy}) extends this one, whose annotations it inherits.
     */
    @JsonPropertyOrder({"sequence", "eventType", "id", "hours", "citation", "category", "note"})
    public abstract static class ContributionShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String note();
    }

    @JsonPropertyOrder({"year", "ruleSet", "public", "professional", "total", "status", "items"})
    abstract static class YearTotalsShape {
        @JsonProperty("public")
        abstract BigDecimal publicHours();

        @JsonProperty("professional")
        abstract BigDecimal professionalHours();

        @JsonProperty("total")
        abstract BigDecimal totalHours();
    }
}
