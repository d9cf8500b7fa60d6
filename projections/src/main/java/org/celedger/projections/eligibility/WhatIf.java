package org.celedger.projections.eligibility;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.bson.conversions.Bson;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.PractitionerFacts;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSetRef;
import org.celedger.projections.history.FactCodec;
import java.util.Map;
import org.celedger.projections.history.StoredFact;
import org.celedger.projections.history.PractitionerViewStore;

/**
 * What a rule change would do (API.md {@code POST /api/v1/what-if}): the same facts of a whole
 * population evaluated under a baseline and a candidate rule set. The documents are streamed from
 * the read store in chunks and each chunk is evaluated in parallel from the compact facts; only the
 * practitioners whose outcome differs are kept, with both decisions.
 */
public final class WhatIf {

    private static final int CHUNK = 1_000;

    private final PractitionerViewStore store;
    private final FactCodec codec;
    private final RuleEngine engine;

    public WhatIf(PractitionerViewStore store, FactCodec codec, RuleEngine engine) {
        this.engine = engine;
        this.store = store;
        this.codec = codec;
    }

    public record Difference(String practitionerId, Decision baseline, Decision candidate) {
    }

    public record Result(EligibilityQuery query, String jurisdiction, String region, RuleSetRef baseline,
                         RuleSetRef candidate, long population, long eligibleUnderBaseline,
                         long eligibleUnderCandidate, long changed, double seconds, List<Difference> differences) {
    }

    /**
     * @param jurisdiction the population's jurisdiction; null means the baseline rule set's
     * @param region       one region only, or null
     */
    public Result run(EligibilityQuery query, RuleSet baseline, RuleSet candidate, String jurisdiction, String region) {
        long started = System.nanoTime();
        String population = jurisdiction != null ? jurisdiction : baseline.jurisdiction().name();
        Bson filter = region == null ? eq("jurisdiction", population)
                : and(eq("jurisdiction", population), eq("region", region));
        LongAdder count = new LongAdder();
        LongAdder eligibleBaseline = new LongAdder();
        LongAdder eligibleCandidate = new LongAdder();
        ConcurrentLinkedQueue<Difference> differences = new ConcurrentLinkedQueue<>();
        List<Map.Entry<String, List<StoredFact>>> chunk = new ArrayList<>(CHUNK);
        Runnable evaluateChunk = () -> {
            chunk.parallelStream().forEach(practitioner -> {
                PractitionerFacts facts = PractitionerFacts.of(codec.decodeAll(practitioner.getValue()));
                Decision a = engine.evaluate(facts, baseline, query);
                Decision b = engine.evaluate(facts, candidate, query);
                count.increment();
                if (a.eligible()) {
                    eligibleBaseline.increment();
                }
                if (b.eligible()) {
                    eligibleCandidate.increment();
                }
                if (a.outcome() != b.outcome() || a.eligible() != b.eligible()) {
                    differences.add(new Difference(practitioner.getKey(), a, b));
                }
            });
            chunk.clear();
        };
        store.forEachFacts(filter, (id, facts) -> {
            chunk.add(Map.entry(id, facts));
            if (chunk.size() == CHUNK) {
                evaluateChunk.run();
            }
        });
        evaluateChunk.run();
        List<Difference> sorted = new ArrayList<>(differences);
        sorted.sort(Comparator.comparing(Difference::practitionerId));
        return new Result(query, population, region, RuleSetRef.of(baseline), RuleSetRef.of(candidate), count.sum(),
                eligibleBaseline.sum(), eligibleCandidate.sum(), sorted.size(),
                (System.nanoTime() - started) / 1e9, sorted);
    }
}
