package org.celedger.projections.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.RecognitionPath;
import org.celedger.domain.rules.PractitionerFacts;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSets;
import org.celedger.domain.rules.YearTotals;

/**
 * Derives a practitioner's read-model document from its facts: the rule engine is the only source
 * of numbers (yearly totals under the rule set serving each year; the title-eligibility view of the
 * evaluation year for every title level and the recognition path of the practitioner's degree).
 */
public final class ViewDerivation {

    private static final List<TitleLevel> TITLE_LEVELS =
            List.of(TitleLevel.JUNIOR, TitleLevel.INTERMEDIATE, TitleLevel.ASSOCIATE_SENIOR, TitleLevel.SENIOR);

    /** The {@code problem} of a document that only gathered facts (it cannot be a derivation's problem). */
    static final String GATHERING = "not derived yet: a rebuild is gathering this practitioner's facts";

    private final RuleEngine engine;
    private final FactCodec codec;

    public FactCodec codec() {
        return codec;
    }

    public ViewDerivation(FactCodec codec, RuleEngine engine) {
        this.codec = codec;
        this.engine = engine;
    }

    /**
     * What a document of a generation being rebuilt holds while the rebuild has more of its practitioner's events
     * to read: the facts so far, nothing derived. Never served: a generation becomes active only once every
     * practitioner in it is derived.
     */
    public PractitionerView gathering(String id, List<StoredFact> storedFacts) {
        List<StoredFact> facts = new ArrayList<>(storedFacts);
        facts.sort(Comparator.comparingLong(StoredFact::sequence));
        long lastSequence = facts.isEmpty() ? -1 : facts.get(facts.size() - 1).sequence();
        return new PractitionerView(id, lastSequence, null, null, null, null, null, null, facts, List.of(), List.of(),
                GATHERING);
    }

    /** Whether {@code view} only gathered facts ({@link #gathering}) and is still to be derived. */
    public static boolean isGathering(PractitionerView view) {
        return GATHERING.equals(view.problem());
    }

    public PractitionerView derive(String id, List<StoredFact> storedFacts, RuleSets ruleSets, int evaluationYear,
                                   LocalDate today) {
        List<StoredFact> facts = new ArrayList<>(storedFacts);
        facts.sort(Comparator.comparingLong(StoredFact::sequence));
        long lastSequence = facts.isEmpty() ? -1 : facts.get(facts.size() - 1).sequence();
        PractitionerFacts recorded = PractitionerFacts.of(codec.decodeAll(facts));
        PractitionerProfile profile;
        try {
            profile = engine.profileAt(recorded, today);
        } catch (RuntimeException noRegistration) {
            return new PractitionerView(id, lastSequence, null, null, null, null, null, null, facts, List.of(),
                    List.of(), "no registration among the facts");
        }
        List<YearSummary> years = new ArrayList<>();
        List<EligibilitySummary> eligibility = new ArrayList<>();
        String problem = null;
        try {
            for (YearTotals y : engine.years(recorded, ruleSets)) {
                years.add(new YearSummary(y.year(), y.ruleSet() == null ? null : y.ruleSet().id(),
                        y.ruleSet() == null ? null : y.ruleSet().version(), y.publicHours(), y.professionalHours(),
                        y.totalHours(), y.status().name()));
            }
            for (TitleLevel level : TITLE_LEVELS) {
                eligibility.add(summary(engine.evaluate(recorded, ruleSets, EligibilityQuery.title(level, evaluationYear))));
            }
            eligibility.add(summary(engine.evaluate(recorded, ruleSets,
                    EligibilityQuery.recognition(recognitionPath(profile.degree()), evaluationYear))));
        } catch (RuntimeException e) {
            // A projection that throws stops for everyone; this practitioner's document says why instead.
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new PractitionerView(id, lastSequence, profile.name(), name(profile.jurisdiction()), profile.region(),
                name(profile.sector()), name(profile.titleLevel()), name(profile.degree()), facts, years, eligibility,
                problem);
    }

    /** The recognition path a degree leads to (RULES.md §5, API.md levels of ASSESSMENT_RECOGNITION). */
    public static RecognitionPath recognitionPath(Degree degree) {
        return switch (degree) {
            case ASSOCIATE -> RecognitionPath.ASSOCIATE_TO_ASSISTANT;
            case BACHELOR -> RecognitionPath.BACHELOR_TO_ASSISTANT;
            case MASTER -> RecognitionPath.MASTER_TO_INTERMEDIATE;
            case DOCTOR -> RecognitionPath.DOCTOR_TO_INTERMEDIATE;
        };
    }

    private static EligibilitySummary summary(Decision d) {
        return new EligibilitySummary(d.purpose().name(), d.level(), d.year(),
                d.ruleSet() == null ? null : d.ruleSet().id(), d.ruleSet() == null ? null : d.ruleSet().version(),
                d.outcome().name(), d.eligible(), d.referenceStatus() == null ? null : d.referenceStatus().name());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
