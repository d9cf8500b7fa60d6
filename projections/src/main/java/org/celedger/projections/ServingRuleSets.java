package org.celedger.projections;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.celedger.domain.rules.RuleSets;

/**
 * Which rule sets serve each generation of the practitioner views: the read side's one answer to it. A
 * generation keeps the rule sets it was first written with (the catalog as it was then), or those a rebuild
 * under changed rules fixed for it; every read (decisions, listings, what-if, supervision) uses those of the
 * generation being served, so its figures agree with the view's.
 */
public final class ServingRuleSets {

    private final Supplier<RuleSets> catalog;
    private final IntSupplier servedGeneration;
    private final Map<Integer, RuleSets> byGeneration = new ConcurrentHashMap<>();

    /**
     * @param catalog          the rule sets as they are now (read afresh on each call: {@link RuleSetCatalog#load})
     * @param servedGeneration the generation reads are served from
     */
    public ServingRuleSets(Supplier<RuleSets> catalog, IntSupplier servedGeneration) {
        this.catalog = catalog;
        this.servedGeneration = servedGeneration;
    }

    /** The rule sets {@code generation} is derived with: fixed when it is first asked for, or by {@link #fix}. */
    public RuleSets of(int generation) {
        return byGeneration.computeIfAbsent(generation, g -> catalog.get());
    }

    /** The rule sets of the generation reads are served from. */
    public RuleSets forReads() {
        return of(servedGeneration.getAsInt());
    }

    /** The rule sets as the catalog holds them now, which a rebuild under changed rules starts with. */
    public RuleSets fresh() {
        return catalog.get();
    }

    /** Derives {@code generation} with {@code ruleSets} from now on (a rebuild's new generation). */
    public void fix(int generation, RuleSets ruleSets) {
        byGeneration.put(generation, ruleSets);
    }
}
