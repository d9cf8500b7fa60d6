package org.celedger.projections.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.celedger.domain.practitioner.PersonalDataErased;
import org.celedger.domain.rules.RuleSets;
import org.celedger.projections.BusinessCalendar;
import org.celedger.projections.ServingRuleSets;

/**
 * Applies a batch of new facts to the practitioner documents of a generation: loads the documents
 * of the practitioners the batch touches in one query, adds the facts they do not hold yet (by
 * sequence: a fact already there is skipped, so re-delivery never double-counts), derives each
 * changed document once and writes them back in one bulk write.
 *
 * <p>Each generation is derived with the rule sets {@link ServingRuleSets} says serve it: the active one keeps
 * its rules until a rebuild under new ones replaces it.
 */
public final class ViewUpdater {

    private final PractitionerViewStore store;
    private final ViewDerivation derivation;
    private final ServingRuleSets ruleSets;
    private final BusinessCalendar calendar;
    private static final int MAX_ATTEMPTS = 20;
    private static final int GATHERED_PER_PASS = 2_000;
    private static final String ERASED = PersonalDataErased.class.getSimpleName();

    public ViewUpdater(PractitionerViewStore store, ViewDerivation derivation, ServingRuleSets ruleSets,
                       BusinessCalendar calendar) {
        this.store = store;
        this.derivation = derivation;
        this.ruleSets = ruleSets;
        this.calendar = calendar;
    }

    public PractitionerViewStore store() {
        return store;
    }

    /** Applies {@code newFacts} (by practitioner) to every generation being written. */
    public void apply(Map<String, List<StoredFact>> newFacts) {
        for (int generation : store.generations().writable()) {
            apply(generation, newFacts);
        }
    }

    public void apply(int generation, Map<String, List<StoredFact>> newFacts) {
        apply(generation, newFacts, id -> true);
    }

    /**
     * Applies {@code newFacts} to a generation being rebuilt, deriving only the practitioners {@code complete} says
     * have no more events to come in the rebuild: the others' documents only gather their facts
     * ({@link ViewDerivation#gathering}), and are derived in the window that holds their last event. A rebuild
     * that derived every practitioner in every window derived most of them several times (ops/README.md, issue 13,
     * third stop).
     */
    public void apply(int generation, Map<String, List<StoredFact>> newFacts, Predicate<String> complete) {
        Map<String, List<StoredFact>> pending = newFacts;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Set<String> conflicts = applyOnce(generation, pending, complete);
            if (conflicts.isEmpty()) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("practitioner views " + conflicts + " kept changing under "
                        + MAX_ATTEMPTS + " attempts to update them");
            }
            Map<String, List<StoredFact>> retry = new HashMap<>();
            conflicts.forEach(id -> retry.put(id, newFacts.get(id)));
            pending = retry;
        }
    }

    /**
     * Derives every document of {@code generation} that only gathered facts ({@link ViewDerivation#gathering}):
     * what a rebuild's windows left underived. Answers how many there were.
     */
    public int deriveGathered(int generation) {
        List<String> ids = store.idsWithProblem(generation, ViewDerivation.GATHERING);
        for (int from = 0; from < ids.size(); from += GATHERED_PER_PASS) {
            Map<String, List<StoredFact>> nothingNew = new HashMap<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + GATHERED_PER_PASS))) {
                nothingNew.put(id, List.of());
            }
            apply(generation, nothingNew, id -> true);
        }
        return ids.size();
    }

    /** Merges, derives and stores once; answers the ids another writer changed meanwhile. */
    private Set<String> applyOnce(int generation, Map<String, List<StoredFact>> newFacts, Predicate<String> complete) {
        Map<String, PractitionerViewStore.Loaded> existing = store.load(generation, newFacts.keySet());
        RuleSets ruleSets = this.ruleSets.of(generation);
        int year = calendar.evaluationYear();
        LocalDate today = calendar.today();
        List<PractitionerViewStore.Write> changed = new ArrayList<>();
        for (Map.Entry<String, List<StoredFact>> entry : newFacts.entrySet()) {
            PractitionerViewStore.Loaded before = existing.get(entry.getKey());
            TreeMap<Long, StoredFact> facts = new TreeMap<>();
            if (before != null) {
                before.view().facts().forEach(f -> facts.put(f.sequence(), f));
            }
            boolean added = false;
            for (StoredFact f : entry.getValue()) {
                added |= facts.putIfAbsent(f.sequence(), f) == null;
            }
            if (added && entry.getValue().stream().anyMatch(f -> f.type().equals(ERASED))) {
                // The view keeps no personal data the erasure made unreadable in the event store. Done once, when the
                // erasure arrives: facts read after it (a replay) are read without that data already.
                facts.replaceAll((sequence, f) -> derivation.codec().withoutPersonalData(f));
            }
            // A document that only gathered facts is derived once its practitioner is complete, new facts or not.
            boolean gathered = before != null && ViewDerivation.isGathering(before.view());
            if (!complete.test(entry.getKey())) {
                if (added) {
                    changed.add(new PractitionerViewStore.Write(
                            derivation.gathering(entry.getKey(), new ArrayList<>(facts.values())),
                            before == null ? null : before.revision()));
                }
            } else if (added || gathered) {
                changed.add(new PractitionerViewStore.Write(
                        derivation.derive(entry.getKey(), new ArrayList<>(facts.values()), ruleSets, year, today),
                        before == null ? null : before.revision()));
            }
        }
        return store.save(generation, changed);
    }

    /** Collects the facts of one batch by practitioner, in the order they arrive. */
    public static final class Batch {
        private final Map<String, List<StoredFact>> byPractitioner = new HashMap<>();
        private int size;

        public void add(String practitionerId, StoredFact fact) {
            byPractitioner.computeIfAbsent(practitionerId, k -> new ArrayList<>()).add(fact);
            size++;
        }

        public Map<String, List<StoredFact>> byPractitioner() {
            return byPractitioner;
        }

        public int size() {
            return size;
        }
    }
}
