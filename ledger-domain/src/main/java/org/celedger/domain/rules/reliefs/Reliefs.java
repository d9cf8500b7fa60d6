package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumSet;

import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ReliefMode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reliefs of RULES.md §6 as one rule set states them (section {@code reliefs}), in the table's
 * order, which is the order they are read, assessed and listed in a decision's trace. They apply only
 * to the {@code purposes} listed (the documents say "参加职称评审时": IM-2017 三(四), IM-2022 三(一)–(四),(七),
 * IM-2025 一(五), NX-2022 一(二),(三)). Each kind is its own class, registered in
 * {@link ReliefKind}; this only reads them in that order and asks each. Which relief decides the
 * outcome is the engine's concern (RULES.md §6 "Order").
 */
public final class Reliefs {

    private final Cited<Set<Purpose>> purposes;
    /** The reliefs this rule set states; an EnumMap iterates in ReliefKind's order, RULES.md §6's. */
    private final Map<ReliefKind, ReliefRule> byKind = new EnumMap<>(ReliefKind.class);

    private Reliefs(RuleSetNode r) {
        purposes = r.param("purposes", enumSet(Purpose.class));
        // The kinds registered in ReliefKind, in its order (RULES.md §6's).
        for (ReliefKind kind : ReliefKind.values()) {
            ReliefRule rule = kind.read(r);
            if (rule != null) {
                byKind.put(kind, rule);
            }
        }
        r.end();
    }

    /** Reads the {@code reliefs} section of a rule set. */
    public static Reliefs read(RuleSetNode reliefs) {
        return new Reliefs(reliefs);
    }

    /** Every relief whose condition holds for the evaluation, in RULES.md §6's order; none for another purpose. */
    public List<AppliedRelief> assess(ReliefContext c) {
        List<AppliedRelief> applied = new ArrayList<>(2);
        if (!purposes.value().contains(c.query().purpose())) {
            return applied;
        }
        for (ReliefRule rule : byKind.values()) {
            AppliedRelief relief = rule.assess(c);
            if (relief != null) {
                applied.add(relief);
            }
        }
        return applied;
    }

    /** The relief of a kind as this rule set states it, or null for {@code REQUIREMENT_WAIVED}. */
    public ReliefRule of(ReliefKind kind) {
        return byKind.get(kind);
    }

    public AgePartial agePartial() {
        return (AgePartial) byKind.get(ReliefKind.AGE_PARTIAL);
    }

    public Grassroots grassroots() {
        return (Grassroots) byKind.get(ReliefKind.GRASSROOTS);
    }

    public GovernmentTransferCut governmentTransfer() {
        return (GovernmentTransferCut) byKind.get(ReliefKind.GOVERNMENT_TRANSFER);
    }

    public DegreeInWindow degreeInWindow() {
        return (DegreeInWindow) byKind.get(ReliefKind.DEGREE_IN_WINDOW);
    }

    public MasterDegree masterDegree() {
        return (MasterDegree) byKind.get(ReliefKind.MASTER_DEGREE);
    }

    /** The effect of a relief stated as a {@link ReliefMode}. */
    static ReliefEffect effectOf(ReliefMode mode) {
        return mode == ReliefMode.WAIVED ? ReliefEffect.WAIVED : mode == ReliefMode.NOT_LIMITING ? ReliefEffect.NOT_LIMITING : ReliefEffect.NONE;
    }
}
