package org.celedger.domain.rules.conversions;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.DegreeCompleted;
import org.celedger.domain.rules.Hours;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.DegreeEffect;
import org.celedger.domain.rules.model.Minimums;

import java.math.BigDecimal;

/**
 * A degree completed as a conversion (RULES.md §4.2): in IM no conversion, its hours being awarded as
 * {@code DEGREE_STUDY} (IM-MEASURES-2017 第十二条(五)); in NX the hours the school certified, as
 * PROFESSIONAL hours of the graduation year, for a degree across the window's edge (NX-2022 一(三)1
 * "跨审验期入学并毕业的，具体学时需由院校提供学时证明"; a degree inside the window waives it, a relief:
 * {@code DegreeInWindow}). Keys {@code conversions.degree.effect}, {@code category}.
 */
public final class DegreeConversion extends ValuedConversion<DegreeEffect> {

    static final String EVENT_TYPE = "DegreeCompleted";

    DegreeConversion(RuleSetNode d) {
        super(d, "effect", enumOf(DegreeEffect.class), ConversionKind.DEGREE_COMPLETED, EVENT_TYPE);
        d.end();
    }

    public Cited<DegreeEffect> effect() {
        return valuing();
    }

    /** Values a degree in force, graduated by the as-of date, into its graduation year. */
    @Override
    public void valueInYear(RecordedFact fact, CreditYear year, String ruleSetId, Minimums yearlyMinimums) {
        DegreeCompleted degree = (DegreeCompleted) fact.event();
        if (effect().value() == DegreeEffect.NONE) {
            year.add(nothing(fact, effect().cite(), "not a conversion under " + ruleSetId
                    + ": its hours are awarded as DEGREE_STUDY"));
            return;
        }
        BigDecimal hours = degree.certifiedHours() == null ? Hours.ZERO : Hours.truncate(degree.certifiedHours());
        year.add(counting(fact, hours, "hours certified by the school"));
    }
}
