package org.celedger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.projections.history.ReadSide.profile;
import static org.celedger.projections.history.ReadSide.registeredWithFullYears;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** New facts reach the practitioner documents of every generation being written, each fact once. */
class ViewUpdaterTest {

    private final ReadSide readSide = new ReadSide();
    private final PractitionerViewStore store = readSide.store;

    @AfterEach
    void close() {
        readSide.close();
    }

    @Test
    void aBatchWritesEachPractitionersDerivedView() {
        List<StoredFact> p1 = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));
        List<StoredFact> p2 = readSide.stored(registeredWithFullYears("p-2", profile("乌海市", Gender.FEMALE, 1990)));

        readSide.updater.apply(Map.of("p-1", p1, "p-2", p2));

        PractitionerView one = store.find("p-1").orElseThrow();
        assertThat(one.lastSequence()).isEqualTo(2);
        assertThat(one.facts()).isEqualTo(p1);
        assertThat(one.years()).extracting(YearSummary::year, YearSummary::total, YearSummary::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2024, new BigDecimal("90.0"), "MET"));
        assertThat(store.find("p-2").orElseThrow().region()).isEqualTo("乌海市");
        assertThat(store.find("p-2").orElseThrow().years()).isEmpty();
    }

    @Test
    void factsDeliveredAgainChangeNothing() {
        List<StoredFact> facts = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));
        readSide.updater.apply(Map.of("p-1", facts));
        String revision = store.load(1, Set.of("p-1")).get("p-1").revision();

        readSide.updater.apply(Map.of("p-1", facts));
        readSide.updater.apply(Map.of("p-1", facts.subList(1, 2)));

        assertThat(store.load(1, Set.of("p-1")).get("p-1").revision()).as("not written again").isEqualTo(revision);
        assertThat(store.find("p-1").orElseThrow().facts()).isEqualTo(facts);
    }

    @Test
    void factsArrivingOutOfOrderAreMergedBySequence() {
        List<StoredFact> facts = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));

        readSide.updater.apply(Map.of("p-1", List.of(facts.get(0), facts.get(2))));
        assertThat(store.find("p-1").orElseThrow().years()).extracting(YearSummary::total)
                .containsExactly(new BigDecimal("60.0"));
        readSide.updater.apply(Map.of("p-1", List.of(facts.get(1))));

        PractitionerView view = store.find("p-1").orElseThrow();
        assertThat(view.facts()).extracting(StoredFact::sequence).containsExactly(0L, 1L, 2L);
        assertThat(view.lastSequence()).isEqualTo(2);
        assertThat(view.years()).extracting(YearSummary::total).containsExactly(new BigDecimal("90.0"));
    }

    @Test
    void aGenerationBeingRebuiltIsWrittenTooWithTheRuleSetsFixedForIt() {
        store.beginRebuild(2);
        // generation 2 serves 2024 under IM-2025 alone (as if IM-2022 had been withdrawn)
        RuleSets onlyIm2025 = RuleSets.of(List.of(RuleSets.bundled().byId("IM-2025").orElseThrow()));
        readSide.ruleSets.fix(2, onlyIm2025);

        readSide.record("p-1", registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));

        assertThat(store.load(1, Set.of("p-1")).get("p-1").view().years()).extracting(YearSummary::ruleSet)
                .containsExactly("IM-2022");
        assertThat(store.load(2, Set.of("p-1")).get("p-1").view().years())
                .extracting(YearSummary::ruleSet, YearSummary::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "NO_RULE_SET"));
    }

    /** Two writers of one document (two nodes, or the live projection and a rebuild) lose neither's facts. */
    @Test
    void aDocumentAnotherWriterChangedIsReadAgainAndMerged() {
        List<StoredFact> facts = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));
        ViewUpdater otherNode = new ViewUpdater(store, new ViewDerivation(readSide.codec, readSide.engine),
                readSide.ruleSets, readSide.calendar);

        readSide.updater.apply(Map.of("p-1", List.of(facts.get(0))));
        otherNode.apply(Map.of("p-1", List.of(facts.get(1))));
        readSide.updater.apply(Map.of("p-1", List.of(facts.get(2))));

        PractitionerView view = store.find("p-1").orElseThrow();
        assertThat(view.facts()).extracting(StoredFact::sequence).containsExactly(0L, 1L, 2L);
        assertThat(view.years()).extracting(YearSummary::total).containsExactly(new BigDecimal("90.0"));
        assertThat(store.load(1, Set.of("p-1")).get("p-1").revision())
                .isEqualTo(PractitionerViewStore.revision(view));
    }

    @Test
    void aDocumentDroppedWithItsGenerationIsWrittenAnewNotAssumed() {
        List<StoredFact> facts = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));
        store.beginRebuild(2);
        readSide.updater.apply(Map.of("p-1", List.of(facts.get(0), facts.get(1))));
        store.abandonRebuild(2); // drops generation 2
        store.beginRebuild(2);

        readSide.updater.apply(Map.of("p-1", List.of(facts.get(2))));

        assertThat(store.load(2, Set.of("p-1")).get("p-1").view().facts()).extracting(StoredFact::sequence)
                .as("only what generation 2 was given since it began again").containsExactly(2L);
        assertThat(store.load(1, Set.of("p-1")).get("p-1").view().facts()).extracting(StoredFact::sequence)
                .containsExactly(0L, 1L, 2L);
    }

    /** A rebuild's window derives only the practitioners with no events after it; the others only gather facts. */
    @Test
    void aPractitionerWithEventsStillToComeOnlyGathersItsFactsUntilItIsComplete() {
        List<StoredFact> facts = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));
        List<StoredFact> other = readSide.stored(registeredWithFullYears("p-2", profile("乌海市", Gender.FEMALE, 1990), 2024));
        store.beginRebuild(2);

        readSide.updater.apply(2, Map.of("p-1", facts.subList(0, 2), "p-2", other), "p-2"::equals);

        PractitionerView gathering = store.load(2, Set.of("p-1")).get("p-1").view();
        assertThat(gathering.facts()).isEqualTo(facts.subList(0, 2));
        assertThat(gathering.lastSequence()).isEqualTo(1);
        assertThat(ViewDerivation.isGathering(gathering)).isTrue();
        assertThat(gathering.years()).isEmpty();
        assertThat(gathering.eligibility()).isEmpty();
        assertThat(gathering.name()).isNull();
        PractitionerView complete = store.load(2, Set.of("p-2")).get("p-2").view();
        assertThat(ViewDerivation.isGathering(complete)).isFalse();
        assertThat(complete.years()).extracting(YearSummary::total).containsExactly(new BigDecimal("90.0"));

        readSide.updater.apply(2, Map.of("p-1", facts.subList(2, 3)), id -> true);

        PractitionerView derived = store.load(2, Set.of("p-1")).get("p-1").view();
        assertThat(derived).as("as if derived from all its facts at once").isEqualTo(derivedDirectly("p-1", facts));
        assertThat(ViewDerivation.isGathering(derived)).isFalse();
    }

    @Test
    void aGatheringDocumentIsDerivedOnceCompleteEvenWithoutNewFacts() {
        List<StoredFact> facts = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));
        store.beginRebuild(2);
        readSide.updater.apply(2, Map.of("p-1", facts), id -> false);

        readSide.updater.apply(2, Map.of("p-1", facts.subList(2, 3)), id -> true);

        assertThat(store.load(2, Set.of("p-1")).get("p-1").view()).isEqualTo(derivedDirectly("p-1", facts));
    }

    /** What a rebuild's windows left gathering (a late event below the head) is derived before it completes. */
    @Test
    void everyDocumentLeftGatheringIsDerivedAndCounted() {
        List<StoredFact> one = readSide.stored(registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));
        List<StoredFact> two = readSide.stored(registeredWithFullYears("p-2", profile("乌海市", Gender.FEMALE, 1990), 2023));
        List<StoredFact> three = readSide.stored(registeredWithFullYears("p-3", profile("赤峰市", Gender.MALE, 1975)));
        store.beginRebuild(2);
        readSide.updater.apply(2, Map.of("p-1", one, "p-2", two, "p-3", three), "p-3"::equals);

        assertThat(readSide.updater.deriveGathered(2)).isEqualTo(2);

        assertThat(store.load(2, Set.of("p-1")).get("p-1").view()).isEqualTo(derivedDirectly("p-1", one));
        assertThat(store.load(2, Set.of("p-2")).get("p-2").view()).isEqualTo(derivedDirectly("p-2", two));
        assertThat(store.load(2, Set.of("p-3")).get("p-3").view()).isEqualTo(derivedDirectly("p-3", three));
        assertThat(readSide.updater.deriveGathered(2)).as("none left").isZero();
    }

    private PractitionerView derivedDirectly(String id, List<StoredFact> facts) {
        return new ViewDerivation(readSide.codec, readSide.engine).derive(id, facts, readSide.ruleSets.of(2),
                readSide.calendar.evaluationYear(), readSide.calendar.today());
    }
}
