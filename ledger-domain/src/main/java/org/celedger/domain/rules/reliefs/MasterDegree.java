package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.HOURS;
import static org.celedger.domain.rules.ParamType.enumOf;
import static org.celedger.domain.rules.ParamType.enumSet;
import static org.celedger.domain.rules.ParamType.nullable;

import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.MasterDegreeMode;
import org.celedger.domain.rules.model.MasterDegreeRule;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NX master's-degree rule (RULES.md §5; NX-2022 一(二) "硕士研究生学历的继续教育学时根据任职年限要求计算",
 * I-6), a requirement modifier: for a practitioner whose profile has a master's degree at the as-of date,
 * applying for a level the rule set names, the window keeps the years after the current title was
 * obtained, and the requirement is the per-year amounts times the years kept ({@code MasterDegreeProration}
 * applies them). Keys {@code reliefs.masterDegree.mode}, {@code levels}, {@code perYearTotal},
 * {@code perYearPublic}.
 */
public final class MasterDegree implements ReliefRule {

    private final MasterDegreeRule rule;

    /** Reads {@code reliefs.masterDegree}. */
    public MasterDegree(RuleSetNode reliefs) {
        RuleSetNode node = reliefs.obj("masterDegree");
        this.rule = new MasterDegreeRule(node.param("mode", enumOf(MasterDegreeMode.class)),
                node.param("levels", enumSet(TitleLevel.class)),
                node.param("perYearTotal", nullable(HOURS)), node.param("perYearPublic", nullable(HOURS)));
        node.end();
        if (rule.mode().value() != MasterDegreeMode.NONE
                && (rule.perYearTotal().value() == null || rule.perYearPublic().value() == null)) {
            throw node.fail("PRORATE_BY_YEARS_IN_POST needs perYearTotal and perYearPublic");
        }
    }

    /** The parameters, as the requirement shaping reads them. */
    public MasterDegreeRule rule() {
        return rule;
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (rule.mode().value() != MasterDegreeMode.PRORATE_BY_YEARS_IN_POST
                || c.query().purpose() != Purpose.TITLE_EVALUATION
                || !rule.levels().value().contains(TitleLevel.valueOf(c.query().level()))
                || c.profile().degree() != Degree.MASTER) {
            return null;
        }
        LocalDate obtained = c.profile().titleObtainedOn();
        int obtainedYear = obtained == null ? Integer.MIN_VALUE : obtained.getYear();
        Set<Integer> cut = new TreeSet<>();
        for (int y : c.baseWindow()) {
            if (y <= obtainedYear) {
                cut.add(y);
            }
        }
        return new AppliedRelief(ReliefKind.MASTER_DEGREE, ReliefEffect.REQUIREMENT_MODIFIER, rule.mode().cite(),
                "master's degree; current title obtained " + obtained + ": the window keeps the years after it, "
                        + rule.perYearTotal().value() + " h and " + rule.perYearPublic().value() + " h PUBLIC per year kept",
                cut);
    }
}
