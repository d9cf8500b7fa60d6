package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.MasterDegreeRule;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.math.BigDecimal;

/**
 * The NX master's-degree proration (RULES.md §5, a requirement modifier of §6; NX-2022 一(二)
 * "硕士研究生学历的继续教育学时根据任职年限要求计算", I-6): the requirement becomes a window requirement
 * of the per-year amounts times the years the window kept (the relief {@code MasterDegree} decides that
 * it applies and cuts the years before the current title). A PROFESSIONAL minimum is kept only where
 * the rule was already a window rule. The keys are the relief's ({@code reliefs.masterDegree}).
 */
public final class MasterDegreeProration {

    private MasterDegreeProration() {
    }

    /** The rule as prorated for a window of {@code years} years; every later shaping applies to it. */
    public static RequirementRule prorate(RequirementRule rule, MasterDegreeRule master, int years) {
        BigDecimal n = BigDecimal.valueOf(years);
        String c = master.mode().cite();
        Cited<BigDecimal> total = new Cited<>(master.perYearTotal().value().multiply(n),
                c + ": " + master.perYearTotal().value() + " × " + years, null);
        Cited<BigDecimal> pub = new Cited<>(master.perYearPublic().value().multiply(n),
                c + ": " + master.perYearPublic().value() + " × " + years, null);
        boolean wasWindow = rule.kind().value() == RequirementKind.WINDOW;
        Cited<BigDecimal> prof = wasWindow ? rule.professionalHours() : new Cited<>(null, c, null);
        return new RequirementRule(new Cited<>(RequirementKind.WINDOW, c, null), rule.length(), rule.offset(),
                pub, prof, total, rule.participation());
    }
}
