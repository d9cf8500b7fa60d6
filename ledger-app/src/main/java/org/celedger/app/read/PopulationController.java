package org.celedger.app.read;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.celedger.app.consistency.ReadConsistency;
import org.celedger.app.consistency.WaitForPosition;
import org.celedger.app.web.ApiException;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.celedger.projections.eligibility.EligibilityListing;
import org.celedger.projections.eligibility.WhatIf;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.yearly.Statistics;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads over the whole population: the eligibility listing, statistics, and what-if under changed rules. */
@RestController
@Tag(name = "population")
public class PopulationController {

    private final EligibilityListing listing;
    private final Statistics statistics;
    private final WhatIf whatIf;
    private final Evaluations evaluations;
    private final ObjectMapper json;
    private final ReadConsistency consistency;

    /**
     * A view's answer with the position it is consistent through (also the {@code Ledger-Consistent-Through}
     * header); {@code waitForPosition} (or the {@code Ledger-Wait-For-Position} header) makes it include a write.
     */
    public record Consistent<T>(@JsonUnwrapped T answer, long consistentThrough) {
    }

    public PopulationController(EligibilityListing listing, Statistics statistics, WhatIf whatIf,
                                Evaluations evaluations, ObjectMapper json,
                                ReadConsistency consistency) {
        this.consistency = consistency;
        this.listing = listing;
        this.statistics = statistics;
        this.whatIf = whatIf;
        this.evaluations = evaluations;
        this.json = json;
    }

    @GetMapping("/api/v1/eligibility")
    @Operation(summary = "The title-eligibility view of the current evaluation year, filtered and paged")
    @WaitForPosition
    public Consistent<EligibilityListing.Page> list(HttpServletRequest request, HttpServletResponse response,
                                        @RequestParam(required = false) String jurisdiction,
                                        @RequestParam(required = false) String region,
                                        @RequestParam(required = false) String level,
                                        @RequestParam(required = false) Integer year,
                                        @RequestParam(required = false) String outcome,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong parameter", "page", "page starts at 0");
        }
        if (size < 1 || size > 1000) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong parameter", "size", "size is 1 to 1000");
        }
        long through = consistency.awaitView(PractitionerViewStore.PROJECTION, request, response);
        return new Consistent<>(listing.list(jurisdiction, region, level, year, outcome, page, size), through);
    }

    @GetMapping("/api/v1/statistics")
    @Operation(summary = "Per jurisdiction, region and year: practitioners, hours by category, share meeting the minimums")
    @WaitForPosition
    public List<Statistics.Row> statistics(HttpServletRequest request, HttpServletResponse response,
                                           @RequestParam(required = false) String jurisdiction,
                                           @RequestParam(required = false) String region,
                                           @RequestParam(required = false) Integer year) {
        consistency.awaitView(PractitionerViewStore.PROJECTION, request, response);
        return statistics.compute(jurisdiction, region, year);
    }

    /**
     * {@code candidate} is a rule-set id, or {@code {"base": "IM-2025", "parameters": {"path": value}}}
     * for a variant with changed parameters (paths as listed by {@code GET /api/v1/rule-sets/{id}}).
     */
    public record WhatIfRequest(Purpose purpose, String level, Integer year, String baseline, JsonNode candidate,
                                String jurisdiction, String region, LocalDate asOf, Boolean exceptional) {
    }

    @PostMapping("/api/v1/what-if")
    @Operation(summary = "Counts of eligible under a baseline and a candidate rule set, and every practitioner whose outcome differs")
    @WaitForPosition
    public Consistent<WhatIf.Result> whatIf(HttpServletRequest http, HttpServletResponse response,
                                            @RequestBody WhatIfRequest request) {
        RuleSets ruleSets = evaluations.ruleSets();
        if (request.baseline() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid what-if", "baseline", "baseline is a rule-set id");
        }
        RuleSet baseline = Evaluations.named(ruleSets, request.baseline());
        RuleSet candidate = candidate(ruleSets, request.candidate());
        var query = new EligibilityQuery(request.purpose() == null ? Purpose.TITLE_EVALUATION : request.purpose(),
                request.level(), request.year() == null ? evaluations.evaluationYear() : request.year(), request.asOf(),
                Boolean.TRUE.equals(request.exceptional()));
        long through = consistency.awaitView(PractitionerViewStore.PROJECTION, http, response);
        return new Consistent<>(whatIf.run(query, baseline, candidate, request.jurisdiction(), request.region()), through);
    }

    private RuleSet candidate(RuleSets ruleSets, JsonNode candidate) {
        if (candidate == null || candidate.isNull()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid what-if", "candidate",
                    "candidate is a rule-set id or {\"base\": id, \"parameters\": {path: value}}");
        }
        if (candidate.isTextual()) {
            return Evaluations.named(ruleSets, candidate.asText());
        }
        String base = candidate.path("base").asText(null);
        if (base == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid what-if", "candidate.base",
                    "candidate.base names the rule set the variant changes");
        }
        Evaluations.named(ruleSets, base);
        // the edge turns the request's JSON into plain Java values (texts, numbers as the request's mapper reads
        // them, booleans, maps, lists) before they reach the rule set: the domain knows no Jackson
        Map<String, Object> parameters = new LinkedHashMap<>();
        candidate.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(),
                json.convertValue(e.getValue(), Object.class)));
        if (parameters.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid what-if", "candidate.parameters",
                    "candidate.parameters names at least one changed parameter");
        }
        try {
            return ruleSets.variant(base, parameters);
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid variant", "candidate.parameters",
                    e.getMessage());
        }
    }
}
