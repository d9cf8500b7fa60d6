package org.celedger.app.read;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.celedger.app.audit.TraceActors;
import org.celedger.app.consistency.ReadConsistency;
import org.celedger.app.consistency.StreamHeads;
import org.celedger.app.consistency.StreamPosition;
import org.celedger.app.security.ApiKey;
import org.celedger.app.web.ApiException;
import org.celedger.app.write.LedgerWriter;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.practitioner.CertifyEligibilityCommand;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.YearTotals;
import org.celedger.projections.eligibility.CertificationReview;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What auditors read about one practitioner: yearly totals, eligibility decisions with their full
 * traces (also as known at a past instant), and certified decisions with their re-examination. Every
 * number comes from the rule engine, over the facts the read model holds (or the event store, for
 * {@code knownAt}).
 */
@RestController
@RequestMapping("/api/v1/practitioners/{id}")
@Tag(name = "reads")
public class DecisionController {

    private final PractitionerFacts facts;
    private final Evaluations evaluations;
    private final LedgerWriter writer;
    private final StreamHeads positions;
    private final TraceActors actors;

    public DecisionController(PractitionerFacts facts, Evaluations evaluations, LedgerWriter writer,
                              StreamHeads positions, TraceActors actors) {
        this.positions = positions;
        this.actors = actors;
        this.facts = facts;
        this.evaluations = evaluations;
        this.writer = writer;
    }

    @GetMapping("/years")
    @Operation(summary = "Per credit year: the hours by category, the status and the items that make each figure")
    public List<YearTotals> years(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
                                  @Parameter(description = "evaluate every year under this rule set instead of the one serving it")
                                  @RequestParam(required = false) String ruleSet) {
        PractitionerFacts.Reflected reflected = facts.current(id);
        ReadConsistency.state(response, reflected.upTo());
        List<YearTotals> years = evaluations.years(reflected.facts(), ruleSet);
        actors.attachToYears(request, id, years);
        return years;
    }

    @GetMapping("/eligibility")
    @Operation(summary = "An eligibility decision with its complete trace")
    public Decision eligibility(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
                                @RequestParam(defaultValue = "TITLE_EVALUATION") Purpose purpose,
                                @RequestParam String level,
                                @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) String ruleSet,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                @Parameter(description = "evaluate only the events recorded up to this instant (ISO-8601)")
                                @RequestParam(required = false) Instant knownAt,
                                @RequestParam(defaultValue = "false") boolean exceptional) {
        var query = evaluations.query(purpose, level, year, asOf, exceptional);
        List<RecordedFact> recorded;
        if (knownAt == null) {
            PractitionerFacts.Reflected reflected = facts.current(id);
            ReadConsistency.state(response, reflected.upTo());
            recorded = reflected.facts();
        } else {
            recorded = facts.knownAt(id, knownAt);
        }
        if (recorded.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not yet registered", "knownAt",
                    "Practitioner " + id + " was not registered yet at " + knownAt + ".");
        }
        if (knownAt != null) {
            // as known then: the last sequence recorded by then (API.md "Consistency"), without a position
            response.setHeader(ReadConsistency.SEQUENCE_HEADER,
                    String.valueOf(recorded.get(recorded.size() - 1).sequence()));
        }
        Decision decision = evaluations.decide(recorded, query, ruleSet);
        actors.attach(request, id, decision);
        return decision;
    }

    public record CertificationRequest(String certificationId, Purpose purpose, String level, Integer year,
                                       LocalDate asOf, Boolean exceptional, String ruleSet) {
    }

    /**
     * The answer to a certification: {@code sequence} and {@code position} are those of the practitioner's
     * last event once it is recorded (the certification itself when ACCEPTED), for a read that must include it.
     */
    public record Certification(WriteOutcome status, String certificationId, Decision decision, long sequence,
                                long position) {
    }

    @PostMapping("/certifications")
    @Operation(summary = "Certify a decision (EligibilityCertified): computed on every fact recorded now")
    public ResponseEntity<Certification> certify(@AuthenticationPrincipal ApiKey caller, HttpServletRequest http,
                                                 HttpServletResponse response,
                                                 @PathVariable String id,
                                                 @RequestBody CertificationRequest request) {
        if (request.purpose() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid certification", "purpose", "purpose is required");
        }
        if (request.year() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid certification", "year", "year is required");
        }
        boolean exceptional = Boolean.TRUE.equals(request.exceptional());
        var query = new EligibilityQuery(request.purpose(), request.level(), request.year(), request.asOf(), exceptional);
        // Certified on the authoritative record, every fact stored before this request began included
        // (its upToSequence), not on a read model that may lag behind it.
        Decision decision = evaluations.decide(facts.recorded(id).facts(), query, request.ruleSet());
        var outcome = writer.write(caller, new CertifyEligibilityCommand(id, request.certificationId(),
                request.purpose().name(), decision.level(), decision.year(), decision.asOf(), exceptional,
                decision.ruleSet().id(), decision.ruleSet().version(), decision.upToSequence(),
                decision.outcome().name(), decision.eligible()));
        StreamPosition recorded = positions.lastOf(id).orElseThrow();
        ReadConsistency.state(response, recorded);
        actors.attach(http, id, decision);
        return ResponseEntity.status(outcome == WriteOutcome.ACCEPTED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Certification(outcome, request.certificationId(), decision, recorded.sequence(),
                        recorded.position()));
    }

    @GetMapping("/certifications/{certificationId}")
    @Operation(summary = "A certified decision re-evaluated as known when certified, and compared with today's")
    public CertificationReview.Review certification(HttpServletResponse response, @PathVariable String id,
                                                    @PathVariable String certificationId) {
        PractitionerFacts.Reflected reflected = facts.recorded(id);
        ReadConsistency.state(response, reflected.upTo());
        return evaluations.review(id, reflected.facts(), certificationId);
    }
}
