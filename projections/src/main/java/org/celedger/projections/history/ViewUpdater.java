package org.celedger.projections.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** Documents remembered between batches by default: a province's 100,000 practitioners. */
    public static final int DEFAULT_REMEMBERED = 100_000;
    private final RecentlyWritten written;
    private static final String ERASED = PersonalDataErased.class.getSimpleName();

    public ViewUpdater(PractitionerViewStore store, ViewDerivation derivation, ServingRuleSets ruleSets,
                       BusinessCalendar calendar) {
        this(store, derivation, ruleSets, calendar, DEFAULT_REMEMBERED);
    }

    public ViewUpdater(PractitionerViewStore store, ViewDerivation derivation, ServingRuleSets ruleSets,
                       BusinessCalendar calendar, int remembered) {
        this.written = new RecentlyWritten(remembered);
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
        PractitionerViewStore.Generations generations = store.generations();
        for (int generation : generations.writable()) {
            apply(generation, newFacts, generation == generations.active());
        }
    }

    /**
     * Applies {@code newFacts} to {@code generation} (a rebuild's), remembering nothing: a rebuild writes every
     * document once or a few times, and remembering them filled the heap (rebuild 10,138 → 6,497 events/s).
     */
    public void apply(int generation, Map<String, List<StoredFact>> newFacts) {
        apply(generation, newFacts, false);
    }

    private void apply(int generation, Map<String, List<StoredFact>> newFacts, boolean remember) {
        Map<String, List<StoredFact>> pending = newFacts;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Set<String> conflicts = applyOnce(generation, pending, remember);
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

    /** Merges, derives and stores once; answers the ids another writer changed meanwhile. */
    private Set<String> applyOnce(int generation, Map<String, List<StoredFact>> newFacts, boolean remember) {
        Map<String, PractitionerViewStore.Loaded> existing = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (String id : newFacts.keySet()) {
            PractitionerViewStore.Loaded known = remember ? written.get(generation, id) : null;
            if (known != null) {
                existing.put(id, known);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            existing.putAll(store.load(generation, unknown));
        }
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
            if (added) {
                changed.add(new PractitionerViewStore.Write(
                        derivation.derive(entry.getKey(), new ArrayList<>(facts.values()), ruleSets, year, today),
                        before == null ? null : before.revision()));
            }
        }
        Set<String> conflicts = store.save(generation, changed);
        for (PractitionerViewStore.Write w : changed) {
            if (conflicts.contains(w.view().id()) || !remember) {
                written.forget(generation, w.view().id()); // read again from the store on the retry
            } else {
                written.put(generation, w.view().id(), new PractitionerViewStore.Loaded(w.view(),
                        PractitionerViewStore.revision(w.view())));
            }
        }
        return conflicts;
    }

    /**
     * The documents this updater last wrote (or read), by generation and practitioner, the least recently used
     * dropped past a bound. A batch then reads from MongoDB only the documents it has not seen: at a hundred
     * single writes a second each batch is one or two practitioners, and that read (a round trip to the embedded
     * server, and the decoding) was a third of the projection's time (ops/README.md, issue 13). A document another
     * writer changed meanwhile (a rebuild, another node) fails the save's revision check, is forgotten here, and
     * is read again.
     */
    private static final class RecentlyWritten {
        private final int max;
        private final Map<String, PractitionerViewStore.Loaded> views;

        RecentlyWritten(int max) {
            this.max = max;
            this.views = new LinkedHashMap<>(1 << 12, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PractitionerViewStore.Loaded> eldest) {
                    return size() > RecentlyWritten.this.max;
                }
            };
        }

        synchronized PractitionerViewStore.Loaded get(int generation, String id) {
            return views.get(generation + "/" + id);
        }

        synchronized void put(int generation, String id, PractitionerViewStore.Loaded loaded) {
            views.put(generation + "/" + id, loaded);
        }

        synchronized void forget(int generation, String id) {
            views.remove(generation + "/" + id);
        }
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
