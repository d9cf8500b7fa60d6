package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.rules.ParamType;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ReliefMode;

import java.time.LocalDate;
import java.util.Set;

/**
 * Border regions (边境地区), a dated relief: for a practitioner whose region at the as-of date is one of
 * {@code regions}, the requirement is waived or made a reference factor ({@code mode}) in evaluations
 * as of {@code from} or later; earlier ones list it without effect, saying from when it applies. No
 * notice of {@code seeds/} states such a relief, so no bundled rule set has the key and their versions
 * are unchanged; a rule set that {@code extends} one turns it on (the test rule set
 * {@code test-rule-sets/IM-2025-border.yaml} of ledger-domain's tests). It shows that a relief is one class,
 * one key and its constant in {@link ReliefKind}. Key {@code reliefs.borderRegion}: {@code mode},
 * {@code regions} (region names as the profile writes them), {@code from} (an ISO date); optional.
 */
public final class BorderRegion implements ReliefRule {

    private static final String KEY = "borderRegion";

    /** A non-empty list of region names, each once. */
    private static final ParamType<Set<String>> REGIONS = ParamType.distinctTexts("region names");

    private final Cited<ReliefMode> mode;
    private final Cited<Set<String>> regions;
    private final Cited<LocalDate> from;

    /** Reads {@code reliefs.borderRegion}; a rule set without it has no such relief. */
    public BorderRegion(RuleSetNode reliefs) {
        if (!reliefs.has(KEY)) {
            mode = new Cited<>(ReliefMode.NONE, "no such relief", null);
            regions = null;
            from = null;
            return;
        }
        RuleSetNode node = reliefs.obj(KEY);
        mode = node.param("mode", enumOf(ReliefMode.class));
        regions = node.param("regions", REGIONS);
        from = node.param("from", ParamType.DATE);
        node.end();
    }

    public Cited<ReliefMode> mode() {
        return mode;
    }

    /** The regions, or null when the rule set has no such relief. */
    public Cited<Set<String>> regions() {
        return regions;
    }

    /** The first as-of date the relief applies to, or null when the rule set has no such relief. */
    public Cited<LocalDate> from() {
        return from;
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        String region = c.profile().region();
        if (mode.value() == ReliefMode.NONE || region == null || !regions.value().contains(region)) {
            return null;
        }
        String why = "region " + region + " at " + c.asOf() + " is a border region";
        if (c.asOf().isBefore(from.value())) {
            return new AppliedRelief(ReliefKind.BORDER_REGION, ReliefEffect.NONE, from.cite(),
                    why + "; the relief applies to evaluations as of " + from.value() + " or later");
        }
        return new AppliedRelief(ReliefKind.BORDER_REGION, Reliefs.effectOf(mode.value()), mode.cite(),
                why + " (relief from " + from.value() + ")");
    }
}
