package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.practitioner.ExemptionGranted;
import org.celedger.domain.practitioner.ExemptionKind;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.CovidMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code COVID_FRONTLINE} exemption (RULES.md §6): the whole requirement waived whatever its years
 * (IM-2022 三(四) "在申报职称时，不要求继续教育学时"), or its years leave the window, a window cut to
 * nothing being waived (IM-2025 一(五)4 "不要求疫情防控当年度的继续教育学时"). Every exemption in force
 * counts. Key {@code reliefs.covidFrontline}.
 */
public final class CovidFrontline implements ReliefRule {

    private final Cited<CovidMode> mode;

    /** Reads {@code reliefs.covidFrontline}. */
    public CovidFrontline(RuleSetNode reliefs) {
        this.mode = reliefs.param("covidFrontline", enumOf(CovidMode.class));
    }

    public Cited<CovidMode> mode() {
        return mode;
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (mode.value() == CovidMode.NONE) {
            return null;
        }
        Set<Integer> years = new TreeSet<>();
        List<String> ids = new ArrayList<>();
        for (RecordedFact fact : c.facts().exemptionsInForce()) {
            ExemptionGranted x = (ExemptionGranted) fact.event();
            if (x.kind() == ExemptionKind.COVID_FRONTLINE) {
                ids.add(x.exemptionId() + " (sequence " + fact.sequence() + ")");
                if (x.years() != null) {
                    years.addAll(x.years());
                }
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        if (mode.value() == CovidMode.WAIVED) {
            return new AppliedRelief(ReliefKind.COVID_FRONTLINE, ReliefEffect.WAIVED, mode.cite(),
                    "exemption " + String.join(", ", ids) + "; waived whatever its years");
        }
        return WindowCut.of(ReliefKind.COVID_FRONTLINE, mode.cite(), c.baseWindow(), years::contains,
                "exemption " + String.join(", ", ids) + " for the years " + years);
    }
}
