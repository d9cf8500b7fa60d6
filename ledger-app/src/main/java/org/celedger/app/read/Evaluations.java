package org.celedger.app.read;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.celedger.app.web.ApiException;
import org.celedger.domain.practitioner.EligibilityCertified;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.celedger.domain.rules.YearTotals;
import org.celedger.projections.BusinessCalendar;
import org.celedger.projections.ServingRuleSets;
import org.celedger.projections.eligibility.CertificationReview;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the reads of one practitioner make of its facts (found by {@link PractitionerFacts}): its profile today,
 * its yearly totals, eligibility decisions and a certification's re-examination. Every number comes from the
 * rule engine, under the rule sets serving the read model ({@link ServingRuleSets}) unless a read names another.
 */
@Component
public class Evaluations {

    private final ServingRuleSets ruleSets;
    private final BusinessCalendar calendar;
    private final RuleEngine engine;
    private final CertificationReview review;
    private final Counter decisions;

    public Evaluations(ServingRuleSets ruleSets, BusinessCalendar calendar, RuleEngine engine,
                       CertificationReview review, MeterRegistry metrics) {
        this.ruleSets = ruleSets;
        this.calendar = calendar;
        this.engine = engine;
        this.review = review;
        this.decisions = Counter.builder("ledger.decisions.computed")
                .description("eligibility decisions computed for reads and certifications").register(metrics);
    }

    /** The profile today: as registered, with every correction, and with the transfers already in effect. */
    public record Profile(String id, PractitionerProfile profile, Instant registeredAt, long lastSequence) {
    }

    /** The profile today of the practitioner whose facts (in order) are given. */
    public Profile profile(String id, List<RecordedFact> recorded) {
        return new Profile(id, profileToday(recorded), recorded.get(0).recordedAt(),
                recorded.get(recorded.size() - 1).sequence());
    }

    /** As registered, with every correction, and with the transfers in effect today. */
    public PractitionerProfile profileToday(List<RecordedFact> recorded) {
        return engine.profileAt(recorded, calendar.today());
    }

    /** Every credit year, each under the rule set serving it, or all under {@code ruleSet} when named. */
    public List<YearTotals> years(List<RecordedFact> recorded, String ruleSet) {
        RuleSets serving = ruleSets.forReads();
        return ruleSet == null ? engine.years(recorded, serving) : engine.years(recorded, named(serving, ruleSet));
    }

    /** A query; without a year, that of the title-eligibility view. */
    public EligibilityQuery query(Purpose purpose, String level, Integer year, LocalDate asOf, boolean exceptional) {
        return new EligibilityQuery(purpose, level, year == null ? calendar.evaluationYear() : year, asOf, exceptional);
    }

    /** The decision on {@code recorded}, under the rule set serving the year or under {@code ruleSet} when named. */
    public Decision decide(List<RecordedFact> recorded, EligibilityQuery query, String ruleSet) {
        RuleSets serving = ruleSets.forReads();
        decisions.increment();
        return ruleSet == null ? engine.evaluate(recorded, serving, query)
                : engine.evaluate(recorded, named(serving, ruleSet), query);
    }

    /** Certification {@code certificationId} among {@code all}, re-evaluated as known when certified and today. */
    public CertificationReview.Review review(String id, List<RecordedFact> all, String certificationId) {
        RecordedFact certified = all.stream()
                .filter(f -> f.event() instanceof EligibilityCertified c && c.certificationId().equals(certificationId))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Unknown certification", "certificationId",
                        "Practitioner " + id + " has no certification " + certificationId + "."));
        String ruleSetId = ((EligibilityCertified) certified.event()).ruleSetId();
        decisions.increment(2);
        return review.review(all, certified, named(ruleSets.forReads(), ruleSetId));
    }

    /** The rule sets serving the read model. */
    public RuleSets ruleSets() {
        return ruleSets.forReads();
    }

    /** The year of the title-eligibility view. */
    public int evaluationYear() {
        return calendar.evaluationYear();
    }

    /** The rule set {@code id} among {@code ruleSets}, or a 422 naming those known. */
    public static RuleSet named(RuleSets ruleSets, String id) {
        return ruleSets.byId(id).orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_ENTITY,
                "Unknown rule set", "ruleSet", "No rule set " + id + "; known: "
                + String.join(", ", ruleSets.all().stream().map(RuleSet::id).toList())));
    }
}
