package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumSet;

import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ReliefMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reliefs of RULES.md §6 as one rule set states them (section {@code reliefs}), in the table's
 * order, which is the order they are read, assessed and listed in a decision's trace. They apply only
 * to the {@code purposes} listed (the documents say "参加职称评审时": IM-2017 三(四), IM-2022 三(一)–(四),(七),
 * IM-2025 一(五), NX-2022 一(二),(三)). Each kind is its own class; this
 * only orders them. Which relief decides the outcome is the engine's concern (RULES.md §6 "Order").
 */
public final class Reliefs {

    private final Cited<Set<Purpose>> purposes;
    private final AgeFull ageFull;
    private final AgePartial agePartial;
    private final NonPublicSector nonPublicSector;
    private final Grassroots grassroots;
    private final CovidFrontline covidFrontline;
    private final GovernmentTransferCut governmentTransfer;
    private final Postdoc postdoc;
    private final ExceptionalPromotionCut exceptionalPromotion;
    private final DegreeInWindow degreeInWindow;
    private final MasterDegree masterDegree;
    private final List<ReliefRule> inOrder;

    private Reliefs(RuleSetNode r) {
        purposes = r.param("purposes", enumSet(Purpose.class));
        ageFull = new AgeFull(r.obj("ageFull"));
        agePartial = new AgePartial(r.obj("agePartial"));
        nonPublicSector = new NonPublicSector(r.obj("nonPublicSector"));
        grassroots = new Grassroots(r.obj("grassroots"));
        covidFrontline = new CovidFrontline(r);
        governmentTransfer = new GovernmentTransferCut(r);
        postdoc = new Postdoc(r.obj("postdoc"));
        exceptionalPromotion = new ExceptionalPromotionCut(r);
        degreeInWindow = new DegreeInWindow(r);
        masterDegree = new MasterDegree(r.obj("masterDegree"));
        r.end();
        inOrder = List.of(ageFull, agePartial, nonPublicSector, grassroots, covidFrontline, governmentTransfer,
                postdoc, exceptionalPromotion, degreeInWindow, masterDegree);
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
        for (ReliefRule rule : inOrder) {
            AppliedRelief relief = rule.assess(c);
            if (relief != null) {
                applied.add(relief);
            }
        }
        return applied;
    }

    public Cited<Set<Purpose>> purposes() {
        return purposes;
    }

    public AgeFull ageFull() {
        return ageFull;
    }

    public AgePartial agePartial() {
        return agePartial;
    }

    public NonPublicSector nonPublicSector() {
        return nonPublicSector;
    }

    public Grassroots grassroots() {
        return grassroots;
    }

    public CovidFrontline covidFrontline() {
        return covidFrontline;
    }

    public GovernmentTransferCut governmentTransfer() {
        return governmentTransfer;
    }

    public Postdoc postdoc() {
        return postdoc;
    }

    public ExceptionalPromotionCut exceptionalPromotion() {
        return exceptionalPromotion;
    }

    public DegreeInWindow degreeInWindow() {
        return degreeInWindow;
    }

    public MasterDegree masterDegree() {
        return masterDegree;
    }

    /** The effect of a relief stated as a {@link ReliefMode}. */
    static ReliefEffect effectOf(ReliefMode mode) {
        return mode == ReliefMode.WAIVED ? ReliefEffect.WAIVED : mode == ReliefMode.NOT_LIMITING ? ReliefEffect.NOT_LIMITING : ReliefEffect.NONE;
    }
}
