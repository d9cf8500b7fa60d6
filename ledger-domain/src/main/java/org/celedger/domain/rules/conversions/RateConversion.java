package org.celedger.domain.rules.conversions;

import static org.celedger.domain.rules.ParamType.HOURS;

import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.rules.Hours;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.Minimums;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * A conversion at a rate (RULES.md §4.2), valued in the year of the fact, truncated to one decimal; a
 * rate of 0 means not valued. Lecturing: 3 PROFESSIONAL hours per hour taught in NX (NX-2022 一(三)1
 * "授课 1 学时授予 3 学时", I-4, I-12), not valued in IM. Study tours, travel excluded: 8 hours a day in
 * IM (IM-MEASURES-2017 第十条 "每半天计4个学时"; IM-MEASURES-2017 第十二条(三),(四);
 * IM-2022 三(六); IM-2025 一(四)4), 6 in NX
 * (NX-2022 一(三)1 "每天以 6 学时折合"). Keys {@code conversions.lecturing.hoursPerHourTaught} and
 * {@code conversions.studyTour.hoursPerDay}, each with {@code category}.
 */
public final class RateConversion extends ValuedConversion<BigDecimal> {

    private final Function<ConversionRecorded, BigDecimal> quantity;
    private final String unit;

    /** @param quantity the units (hours taught, days) a fact of this kind states */
    RateConversion(RuleSetNode r, String rateKey, String unit, ConversionKind kind, String eventType,
                   Function<ConversionRecorded, BigDecimal> quantity) {
        super(r, rateKey, HOURS, kind, eventType);
        this.quantity = quantity;
        this.unit = unit;
        r.end();
    }

    /** Hours per unit (hour taught, day of tour). */
    public Cited<BigDecimal> rate() {
        return valuing();
    }

    /** Values the units of a fact in force, dated by the as-of date, into its year. */
    @Override
    public void valueInYear(RecordedFact fact, CreditYear year, String ruleSetId, Minimums yearlyMinimums) {
        BigDecimal quantity = this.quantity.apply((ConversionRecorded) fact.event());
        BigDecimal rate = rate().value();
        if (rate.signum() == 0) {
            year.add(notValued(fact, ruleSetId));
            return;
        }
        BigDecimal q = quantity == null ? BigDecimal.ZERO : quantity;
        year.add(counting(fact, Hours.truncate(q.multiply(rate)),
                q.stripTrailingZeros().toPlainString() + " " + unit + " × " + rate));
    }
}
