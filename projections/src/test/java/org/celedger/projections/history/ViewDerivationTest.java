package org.celedger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.projections.history.ReadSide.profile;
import static org.celedger.projections.history.ReadSide.registeredWithFullYears;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.rules.RecognitionPath;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A practitioner's view document, derived from its facts by the rule engine. */
class ViewDerivationTest {

    private final ReadSide readSide = new ReadSide();
    private final ViewDerivation derivation = new ViewDerivation(readSide.codec, readSide.engine);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    @AfterEach
    void close() {
        readSide.close();
    }

    private static String version(String ruleSet) {
        return RuleSets.bundled().byId(ruleSet).orElseThrow().version();
    }

    @Test
    void theViewHoldsTheProfileTheFactsEachYearsTotalsAndTheTitleEligibilityOfTheEvaluationYear() {
        var events = new java.util.ArrayList<>(registeredWithFullYears("p-1", profile("包头市", Gender.FEMALE, 1985),
                2023, 2024));
        events.add(ReadSide.credit("p-1", "pub-2025", 2025, Category.PUBLIC, "12.5"));
        List<StoredFact> facts = readSide.stored(events);

        List<StoredFact> shuffled = new java.util.ArrayList<>(facts);
        java.util.Collections.reverse(shuffled);

        PractitionerView view = derivation.derive("p-1", shuffled, RuleSets.bundled(), 2025, TODAY);

        assertThat(view.id()).isEqualTo("p-1");
        assertThat(view.lastSequence()).isEqualTo(5);
        assertThat(List.of(view.name(), view.jurisdiction(), view.region(), view.sector(), view.titleLevel(),
                view.degree())).containsExactly("张三", "IM", "包头市", "PUBLIC_INSTITUTION", "INTERMEDIATE", "BACHELOR");
        assertThat(view.facts()).as("kept in sequence order").isEqualTo(facts);
        assertThat(view.years()).containsExactly(
                new YearSummary(2023, "IM-2022", version("IM-2022"), new BigDecimal("30.0"), new BigDecimal("60.0"),
                        new BigDecimal("90.0"), "MET"),
                new YearSummary(2024, "IM-2022", version("IM-2022"), new BigDecimal("30.0"), new BigDecimal("60.0"),
                        new BigDecimal("90.0"), "MET"),
                new YearSummary(2025, "IM-2025", version("IM-2025"), new BigDecimal("12.5"), new BigDecimal("0.0"),
                        new BigDecimal("12.5"), "NOT_MET"));
        // 2025 holds 12.5 of the 90 hours each year of the window 2023–2025 needs: no level is met yet
        assertThat(view.eligibility()).containsExactly(
                new EligibilitySummary("TITLE_EVALUATION", "JUNIOR", 2025, "IM-2025", version("IM-2025"), "NOT_MET",
                        false, null),
                new EligibilitySummary("TITLE_EVALUATION", "INTERMEDIATE", 2025, "IM-2025", version("IM-2025"),
                        "NOT_MET", false, null),
                new EligibilitySummary("TITLE_EVALUATION", "ASSOCIATE_SENIOR", 2025, "IM-2025", version("IM-2025"),
                        "NOT_MET", false, null),
                new EligibilitySummary("TITLE_EVALUATION", "SENIOR", 2025, "IM-2025", version("IM-2025"), "NOT_MET",
                        false, null),
                new EligibilitySummary("ASSESSMENT_RECOGNITION", "BACHELOR_TO_ASSISTANT", 2025, "IM-2025",
                        version("IM-2025"), "NOT_MET", false, null));
        assertThat(view.problem()).isNull();
    }

    @Test
    void threeFullYearsMeetTheIntermediateTitleOfTheEvaluationYear() {
        List<StoredFact> facts = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.FEMALE, 1985),
                2023, 2024, 2025));

        PractitionerView view = derivation.derive("p-1", facts, RuleSets.bundled(), 2025, TODAY);

        assertThat(view.eligibility().get(1)).isEqualTo(new EligibilitySummary("TITLE_EVALUATION", "INTERMEDIATE",
                2025, "IM-2025", version("IM-2025"), "MET", true, null));
    }

    @Test
    void factsWithoutARegistrationGiveADocumentThatSaysSo() {
        List<StoredFact> facts = readSide.stored(List.of(ReadSide.credit("p-1", "a-1", 2024, Category.PUBLIC, "8")));

        PractitionerView view = derivation.derive("p-1", facts, RuleSets.bundled(), 2025, TODAY);

        assertThat(view).isEqualTo(new PractitionerView("p-1", 0, null, null, null, null, null, null, facts,
                List.of(), List.of(), "no registration among the facts"));
    }

    @Test
    void eachDegreeLeadsToItsRecognitionPath() {
        assertThat(List.of(Degree.ASSOCIATE, Degree.BACHELOR, Degree.MASTER, Degree.DOCTOR).stream()
                .map(ViewDerivation::recognitionPath).toList()).containsExactly(RecognitionPath.ASSOCIATE_TO_ASSISTANT,
                RecognitionPath.BACHELOR_TO_ASSISTANT, RecognitionPath.MASTER_TO_INTERMEDIATE,
                RecognitionPath.DOCTOR_TO_INTERMEDIATE);
    }
}
