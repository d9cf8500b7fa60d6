package org.celedger.projections.eligibility;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.celedger.domain.practitioner.EligibilityCertified;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSet;

/**
 * Re-examines a certified decision (RULES.md §7): re-evaluated on the facts it considered (those up
 * to its {@code upToSequence}, i.e. as known when it was certified) it must reproduce the recorded
 * outcome; evaluated on today's facts under the same rule set it may not, and then the facts that
 * arrived or were revoked since say why.
 */
public final class CertificationReview {

    private final RuleEngine engine;

    public CertificationReview(RuleEngine engine) {
        this.engine = engine;
    }

    /** A fact recorded after the certification's facts: its sequence, instant, type and the id it carries. */
    public record LaterFact(long sequence, Instant recordedAt, String type, String id) {
    }

    public record Review(EligibilityCertified certification, Instant certifiedAt, boolean ruleSetUnchanged,
                         String currentRuleSetVersion, Decision asCertified, boolean reproduced, Decision today,
                         boolean todayAgrees, List<LaterFact> since) {
    }

    /**
     * @param facts   every fact of the practitioner, in sequence order
     * @param ruleSet the rule set the certification names, as it is today
     */
    public Review review(List<RecordedFact> facts, RecordedFact certificationFact, RuleSet ruleSet) {
        EligibilityCertified c = (EligibilityCertified) certificationFact.event();
        EligibilityQuery query = new EligibilityQuery(Purpose.valueOf(c.purpose()), c.level(), c.year(), c.asOf(),
                c.exceptional());
        List<RecordedFact> then = facts.stream().filter(f -> f.sequence() <= c.upToSequence()).toList();
        Decision asCertified = engine.evaluate(then, ruleSet, query);
        Decision today = engine.evaluate(facts, ruleSet, query);
        List<LaterFact> since = new ArrayList<>();
        for (RecordedFact f : facts) {
            if (f.sequence() > c.upToSequence() && !(f.event() instanceof EligibilityCertified)) {
                since.add(new LaterFact(f.sequence(), f.recordedAt(), f.event().getClass().getSimpleName(),
                        factId(f.event())));
            }
        }
        return new Review(c, certificationFact.recordedAt(), ruleSet.version().equals(c.ruleSetVersion()),
                ruleSet.version(), asCertified, asCertified.outcome().name().equals(c.outcome()), today,
                today.outcome().name().equals(c.outcome()) && today.eligible() == c.eligible(), since);
    }

    /** The id a fact carries (award, conversion, exemption, transfer, correction, certification). */
    static String factId(PractitionerEvent event) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            if (name.endsWith("Id") && !name.equals("practitionerId")) {
                try {
                    return String.valueOf(component.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
