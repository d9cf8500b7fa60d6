package org.celedger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-model store against the embedded MongoDB: generations and optimistic writes. */
class PractitionerViewStoreTest {

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final PractitionerViewStore store = new PractitionerViewStore(mongo.database());

    @AfterEach
    void close() {
        mongo.close();
    }

    static PractitionerView view(String id, long... sequences) {
        List<StoredFact> facts = java.util.Arrays.stream(sequences)
                .mapToObj(s -> new StoredFact(s, Instant.parse("2026-01-01T00:00:00Z"), "CreditAwarded", "{}")).toList();
        return new PractitionerView(id, sequences[sequences.length - 1], "n", "IM", "r", null, null, null, facts,
                List.of(), List.of(), null);
    }

    @Test
    void aDecisionReadsExactlyTheStoredFactsOfTheActiveGenerationAndTheSequenceTheyReach() {
        List<StoredFact> facts = List.of(
                new StoredFact(0, Instant.parse("2026-01-01T00:00:00.123456789Z"), "PractitionerRegistered",
                        "{\"name\":\"乌兰\",\"region\":\"呼和浩特\"}"),
                new StoredFact(3, Instant.parse("2026-02-01T08:00:00Z"), "CreditAwarded", "{\"hours\":32.50}"));
        PractitionerView view = new PractitionerView("p", 3, "乌兰", "IM", "r", null, null, null, facts,
                List.of(), List.of(), null);
        store.save(store.activeForReads(), List.of(new PractitionerViewStore.Write(view, null)));

        assertThat(store.findFacts("p")).hasValueSatisfying(found -> {
            assertThat(found.lastSequence()).isEqualTo(3);
            assertThat(CompactEncoding.facts(found.encoded())).isEqualTo(facts);
        });
        assertThat(store.findFacts("nobody")).isEmpty();
    }

    @Test
    void aWriteBasedOnAStaleReadIsReportedAsAConflictAndNotApplied() {
        assertThat(store.save(1, List.of(new PractitionerViewStore.Write(view("p", 0, 1), null)))).isEmpty();
        String revision = store.load(1, Set.of("p")).get("p").revision();

        // another writer moves the document on
        assertThat(store.save(1, List.of(new PractitionerViewStore.Write(view("p", 0, 1, 2), revision)))).isEmpty();
        // a write derived from the old revision loses, and says so
        assertThat(store.save(1, List.of(new PractitionerViewStore.Write(view("p", 0, 1, 5), revision))))
                .containsExactly("p");
        assertThat(store.load(1, Set.of("p")).get("p").view().facts()).extracting(StoredFact::sequence)
                .containsExactly(0L, 1L, 2L);
    }

    @Test
    void anInsertOfADocumentSomeoneElseInsertedIsAConflict() {
        assertThat(store.save(1, List.of(new PractitionerViewStore.Write(view("q", 4), null),
                new PractitionerViewStore.Write(view("r", 0), null)))).isEmpty();
        Set<String> conflicts = store.save(1, List.of(new PractitionerViewStore.Write(view("q", 0, 1), null),
                new PractitionerViewStore.Write(view("s", 0), null)));
        assertThat(conflicts).containsExactly("q");
        assertThat(store.load(1, Set.of("q", "s"))).containsKeys("q", "s");
        assertThat(store.load(1, Set.of("q")).get("q").view().facts()).extracting(StoredFact::sequence).containsExactly(4L);
    }

    @Test
    void aListenerHearsOfTheFactsOfEveryWriteThatTookEffectAndOfNoneThatLost() {
        Map<String, PractitionerViewStore.ViewFacts> heard = new HashMap<>();
        store.whenFactsStored(heard::put);
        store.save(1, List.of(new PractitionerViewStore.Write(view("p", 0, 1), null)));
        String revision = store.load(1, Set.of("p")).get("p").revision();
        assertThat(heard.get("p").lastSequence()).isEqualTo(1);
        assertThat(heard.get("p").encoded()).isEqualTo(store.findFacts("p").orElseThrow().encoded());

        store.save(1, List.of(new PractitionerViewStore.Write(view("p", 0, 1, 2), revision)));
        heard.clear();
        Set<String> lost = store.save(1, List.of(new PractitionerViewStore.Write(view("p", 0, 1, 5), revision),
                new PractitionerViewStore.Write(view("q", 0), null)));

        assertThat(lost).containsExactly("p");
        assertThat(heard).as("the lost write's facts were never stored").containsOnlyKeys("q");
        assertThat(CompactEncoding.facts(heard.get("q").encoded())).extracting(StoredFact::sequence).containsExactly(0L);

        heard.clear();
        store.beginRebuild(2);
        store.save(2, List.of(new PractitionerViewStore.Write(view("r", 0), null)));
        assertThat(heard).as("a rebuild's documents are not what readers use yet").isEmpty();
    }

    @Test
    void aRebuiltGenerationReplacesTheActiveOneOnlyWhenComplete() {
        store.save(1, List.of(new PractitionerViewStore.Write(view("p", 0), null)));
        store.beginRebuild(2);
        assertThat(store.generations().writable()).containsExactly(1, 2);
        assertThat(store.find("p")).isPresent();
        store.completeRebuild(2);
        assertThat(store.generations().active()).isEqualTo(2);
        assertThat(store.generations().rebuilding()).isNull();
        assertThat(store.find("p")).as("generation 2 holds only what was written to it").isEmpty();
    }
}
